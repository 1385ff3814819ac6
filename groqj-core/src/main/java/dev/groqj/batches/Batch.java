package dev.groqj.batches;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of requests Groq runs asynchronously. Timestamps are Unix seconds, null until the batch gets there.
 * {@link #additionalProperties()} keeps fields this version does not know.
 *
 * <pre>{@code
 * Batch b = client.batches().retrieve("batch_01jh6xa7reempvjyh6n3yst2zw");
 * if (b.status() == BatchStatus.COMPLETED) client.files().content(b.outputFileId(), Path.of("out.jsonl"));
 * }</pre>
 */
public record Batch(
        String id,
        String object,
        String endpoint,
        Errors errors,
        @JsonProperty("input_file_id") String inputFileId,
        @JsonProperty("completion_window") CompletionWindow completionWindow,
        BatchStatus status,
        @JsonProperty("output_file_id") String outputFileId,
        @JsonProperty("error_file_id") String errorFileId,
        @JsonProperty("created_at") Long createdAt,
        @JsonProperty("in_progress_at") Long inProgressAt,
        @JsonProperty("expires_at") Long expiresAt,
        @JsonProperty("finalizing_at") Long finalizingAt,
        @JsonProperty("completed_at") Long completedAt,
        @JsonProperty("failed_at") Long failedAt,
        @JsonProperty("expired_at") Long expiredAt,
        @JsonProperty("cancelling_at") Long cancellingAt,
        @JsonProperty("cancelled_at") Long cancelledAt,
        @JsonProperty("request_counts") RequestCounts requestCounts,
        Map<String, JsonValue> metadata,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Batch {
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** How many of the batch's requests there are, and how many succeeded or failed so far. */
    public record RequestCounts(long total, long completed, long failed,
                                @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public RequestCounts {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** Why a batch failed validation: one entry per problem. */
    public record Errors(String object, List<Error> data,
                         @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Errors {
            data = data == null ? List.of() : List.copyOf(data);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** One problem with the input file; {@code line} is the input file's line (from 1), or null. */
    public record Error(String code, String message, String param, Integer line,
                        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Error {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
