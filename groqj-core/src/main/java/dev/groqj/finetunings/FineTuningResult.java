package dev.groqj.finetunings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * The answer of creating or retrieving a fine-tuning ({@code ReadFineTuningResponse}): the fine-tuning is in
 * {@link #data()}.
 */
public record FineTuningResult(
        String id,
        String object,
        FineTuning data,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public FineTuningResult {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
