package dev.groqj;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.error.DebugData;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * Groq's own metadata ({@code x_groq}) on a completion, a stream chunk or a transcription; in the root package
 * because every service's answers carry it.
 *
 * <pre>{@code
 * completion.xGroq().id();   // "req_01jr8hj0hzeq9b86xqb5dn7wqs": quote it to Groq support
 * }</pre>
 *
 * <p>In a stream, different chunks carry different fields: the id in the first and last chunk, the
 * {@link #usage()} and {@link #usageBreakdown()} in the last one. A whole completion's {@code x_groq} is an
 * {@link XGroqCompletion}, whose {@code usage} is cache statistics instead.
 */
public record XGroq(
        String id,
        Long seed,
        Usage usage,
        @JsonProperty("usage_breakdown") UsageBreakdown usageBreakdown,
        /* why a stream stopped early, when it did */
        String error,
        DebugData debug,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public XGroq {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
