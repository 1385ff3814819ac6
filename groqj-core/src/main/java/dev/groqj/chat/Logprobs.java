package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * Log probabilities of a choice's tokens, in the API's shape. Groq's models do not return them today (and refuse
 * {@code logprobs} in a request), so {@link Choice#logprobs()} is null; the type is here for when they do.
 */
public record Logprobs(
        List<TokenLogprob> content,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Logprobs {
        content = Values.list(content);
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** One token, its log probability, its UTF-8 bytes and the likeliest alternatives at its position. */
    public record TokenLogprob(
            String token,
            double logprob,
            List<Integer> bytes,
            @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public TokenLogprob {
            bytes = bytes == null ? null : Values.list(bytes);
            topLogprobs = Values.list(topLogprobs);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }

    /** An alternative token at a position. */
    public record TopLogprob(
            String token,
            double logprob,
            List<Integer> bytes,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public TopLogprob {
            bytes = bytes == null ? null : Values.list(bytes);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
