package dev.groqj.finetunings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /v1/fine_tunings} ({@code ListFineTuningsResponse}): {@link #data()} holds them. */
public record FineTuningList(
        String object,
        List<FineTuning> data,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public FineTuningList {
        data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
