package dev.groqj;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * Token counts and Groq's timings (in seconds) of one completion.
 *
 * <pre>{@code
 * Usage usage = completion.usage();
 * usage.totalTokens();   // prompt + completion
 * usage.queueTime();     // seconds spent queued; also promptTime(), completionTime(), totalTime()
 * }</pre>
 *
 * <p>Times that the response leaves out read as 0. Details are null when absent. Fields this type does not
 * know are kept in {@link #additionalProperties()}.
 */
public record Usage(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens,
        @JsonProperty("total_tokens") int totalTokens,
        @JsonProperty("queue_time") double queueTime,
        @JsonProperty("prompt_time") double promptTime,
        @JsonProperty("completion_time") double completionTime,
        @JsonProperty("total_time") double totalTime,
        @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
        @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Usage {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** Reasoning tokens among the completion tokens, 0 when the response does not say. */
    public int reasoningTokens() {
        return completionTokensDetails == null ? 0 : completionTokensDetails.reasoningTokens();
    }

    /** Prompt tokens served from cache, 0 when the response does not say. */
    public int cachedTokens() {
        return promptTokensDetails == null ? 0 : promptTokensDetails.cachedTokens();
    }

    /** {@code prompt_tokens_details}. */
    public record PromptTokensDetails(
            @JsonProperty("cached_tokens") int cachedTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public PromptTokensDetails {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** {@code completion_tokens_details}. */
    public record CompletionTokensDetails(
            @JsonProperty("reasoning_tokens") int reasoningTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public CompletionTokensDetails {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
