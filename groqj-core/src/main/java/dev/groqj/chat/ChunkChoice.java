package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.Map;

/**
 * One choice in a {@link ChatCompletionChunk}: its {@link Delta}, and its finish reason in the last chunk.
 *
 * <pre>{@code
 * ChunkChoice choice = chunk.choices().get(0);
 * choice.delta().content();
 * choice.finishReason();   // null until the last chunk
 * }</pre>
 */
public record ChunkChoice(
        int index,
        Delta delta,
        @JsonProperty("finish_reason") FinishReason finishReason,
        JsonValue logprobs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ChunkChoice {
        logprobs = Values.present(logprobs);
        additionalProperties = Values.unknown(additionalProperties);
    }
}
