package dev.groqj.batches;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /batches}: {@link #data()} holds the batches; read into a {@link dev.groqj.Page}, not API. */
record BatchList(String object, List<Batch> data,
                 @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
    BatchList {
        data = data == null ? List.of() : List.copyOf(data);
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
