package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.Map;

/**
 * One answer of a {@link ChatCompletion}. Groq returns exactly one ({@code n} is always 1).
 *
 * <pre>{@code
 * Choice choice = completion.choices().get(0);
 * if (FinishReason.LENGTH.equals(choice.finishReason())) { ... the answer was cut off ... }
 * }</pre>
 *
 * <p>{@link #logprobs()} is null today: Groq does not support log probabilities.
 */
public record Choice(
        int index,
        ResponseMessage message,
        @JsonProperty("finish_reason") FinishReason finishReason,
        Logprobs logprobs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Choice {
        additionalProperties = Values.unknown(additionalProperties);
    }
}
