package dev.groqj.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.internal.UnknownFields;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /models}: {@link #data()} holds the models. */
public record ModelList(String object, List<Model> data,
                        @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {
    public ModelList {
        data = data == null ? List.of() : List.copyOf(data);
        additionalProperties = UnknownFields.frozenCopyOf(additionalProperties);
    }
}
