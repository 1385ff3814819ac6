package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.Usage;
import dev.groqj.XGroq;

import java.util.List;
import java.util.Map;

/**
 * One server-sent event of a streamed chat completion ({@code CreateChatCompletionStreamResponse}).
 *
 * <pre>{@code
 * for (ChatCompletionChunk chunk : stream) {
 *     String piece = chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().content();
 * }
 * }</pre>
 *
 * <p>Usage arrives in the last chunk: in {@code x_groq.usage}, and on newer deployments also in the top-level
 * {@link #usage()}. Compound models send a different {@code id} in each chunk.
 */
public record ChatCompletionChunk(
        String id,
        String object,
        long created,
        String model,
        List<ChunkChoice> choices,
        Usage usage,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        @JsonProperty("x_groq") XGroq xGroq,
        @JsonProperty("service_tier") String serviceTier,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ChatCompletionChunk {
        choices = Values.list(choices);
        additionalProperties = Values.unknown(additionalProperties);
    }
}
