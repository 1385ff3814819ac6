package dev.groqj.files;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.internal.UnknownFields;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /files}: {@link #data()} holds the files. */
public record FileList(String object, List<FileObject> data,
                       @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {
    public FileList {
        data = data == null ? List.of() : List.copyOf(data);
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
