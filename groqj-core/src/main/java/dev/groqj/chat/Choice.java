package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One answer of a {@link ChatCompletion}. Groq returns exactly one ({@code n} is always 1).
 *
 * <pre>{@code
 * Choice choice = completion.choices().get(0);
 * if (FinishReason.LENGTH.equals(choice.finishReason())) { ... the answer was cut off ... }
 * }</pre>
 *
 * <p>{@link #logprobs()} is kept as JSON and is null today: Groq does not support log probabilities.
 */
public record Choice(
        int index,
        ResponseMessage message,
        @JsonProperty("finish_reason") FinishReason finishReason,
        JsonNode logprobs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {

    public Choice {
        logprobs = Values.copy(Values.node(logprobs));
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** A copy: changing it changes nothing here. */
    @Override
    public JsonNode logprobs() {
        return Values.copy(logprobs);
    }
}
