package dev.groqj.files;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /files}: {@link #data()} holds the files; read into a {@link dev.groqj.Page}, not API. */
record FileList(String object, List<FileObject> data,
                @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
    FileList {
        data = data == null ? List.of() : List.copyOf(data);
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
