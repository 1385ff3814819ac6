package dev.groqj.files;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * A file stored at Groq: a batch's input ({@code purpose} "batch") or its results ("batch_output").
 * {@link #additionalProperties()} keeps fields this version does not know.
 *
 * <pre>{@code
 * FileObject f = client.files().retrieve("file_01jh6x76wtemjr74t1fh0faj5t");
 * f.bytes(); // 966
 * }</pre>
 */
public record FileObject(
        String id,
        String object,
        Long bytes,
        @JsonProperty("created_at") Long createdAt,
        String filename,
        String purpose,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
    public FileObject {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
