package dev.groqj.finetunings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/** The answer of {@code DELETE /v1/fine_tunings/{id}} ({@code DeleteFineTuningResponse}). */
public record FineTuningDeleted(
        String id,
        String object,
        boolean deleted,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public FineTuningDeleted {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
