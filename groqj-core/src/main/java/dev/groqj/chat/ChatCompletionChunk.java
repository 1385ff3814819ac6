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
 *     System.out.print(chunk.content());   // "" for a chunk without text
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

    /**
     * The text this chunk adds to the first choice, never null: "" when it adds none (a role-only, tool-call or
     * usage chunk), so pieces can be printed or appended as they come.
     */
    public String content() {
        if (choices.isEmpty() || choices.get(0).delta() == null) return "";
        String content = choices.get(0).delta().content();
        return content == null ? "" : content;
    }
}
