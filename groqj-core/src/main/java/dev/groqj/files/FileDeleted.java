package dev.groqj.files;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/** The answer of {@code DELETE /files/{file_id}}. */
public record FileDeleted(String id, String object, boolean deleted,
                          @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
    public FileDeleted {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
