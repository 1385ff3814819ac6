package dev.groqj;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.error.DebugData;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * Groq's metadata ({@code x_groq}) on a whole, non-streamed chat completion ({@code XGroqNonStreaming}). Unlike a
 * stream's {@link XGroq}, whose {@code usage} is the token usage, here {@code usage} is Groq's hardware cache
 * statistics: {@link #usage()} is a {@link CacheUsage}.
 *
 * <pre>{@code
 * XGroqCompletion x = completion.xGroq();
 * x.id();                               // quote it to Groq support
 * x.usage().sramCachedTokens();         // when Groq sends cache statistics
 * }</pre>
 *
 * <p>A completion rebuilt from a stream carries the stream's id and seed; its token usage is the completion's
 * own {@code usage()}.
 */
public record XGroqCompletion(
        String id,
        Long seed,
        CacheUsage usage,
        DebugData debug,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public XGroqCompletion {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** How many prompt tokens Groq served from its SRAM and DRAM caches; 0 when not said. */
    public record CacheUsage(
            @JsonProperty("sram_cached_tokens") long sramCachedTokens,
            @JsonProperty("dram_cached_tokens") long dramCachedTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public CacheUsage {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
