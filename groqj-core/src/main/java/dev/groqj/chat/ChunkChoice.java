package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

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
        JsonNode logprobs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {

    public ChunkChoice {
        logprobs = Values.copy(Values.node(logprobs));
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** A copy: changing it changes nothing here. */
    @Override
    public JsonNode logprobs() {
        return Values.copy(logprobs);
    }
}
