package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * The tokens a response took ({@code ResponseUsage}): input and output, with their details (cached input tokens,
 * reasoning tokens); a detail Groq did not send is null.
 */
public record ResponseUsage(
        @JsonProperty("input_tokens") long inputTokens,
        @JsonProperty("input_tokens_details") TokenDetails inputTokensDetails,
        @JsonProperty("output_tokens") long outputTokens,
        @JsonProperty("output_tokens_details") TokenDetails outputTokensDetails,
        @JsonProperty("total_tokens") long totalTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ResponseUsage {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** A breakdown of input or output tokens. */
    public record TokenDetails(
            @JsonProperty("cached_tokens") Long cachedTokens,
            @JsonProperty("reasoning_tokens") Long reasoningTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public TokenDetails {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
