package dev.groqj.batches;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.error.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a batch over an uploaded input file.
 *
 * <pre>{@code
 * Batch batch = client.batches().create(BatchCreateRequest.builder()
 *         .inputFileId(input.id())
 *         .completionWindow("24h")            // the default; from "24h" to "7d"
 *         .putMetadata("job", "nightly")
 *         .build());
 * }</pre>
 *
 * <p>{@link Builder#build()} checks before anything is sent: the input file id is set, the endpoint is a
 * {@code /v1/} path, and the completion window is hours or days from 24h to 7d.
 */
public final class BatchCreateRequest {
    /** The endpoint Groq runs batches for. */
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,4})([hd])");
    private static final int MIN_WINDOW_HOURS = 24;
    private static final int MAX_WINDOW_HOURS = 7 * 24;

    private final String inputFileId;
    private final String endpoint;
    private final CompletionWindow completionWindow;
    private final Map<String, String> metadata;

    private BatchCreateRequest(Builder b) {
        this.inputFileId = b.inputFileId;
        this.endpoint = b.endpoint;
        this.completionWindow = b.completionWindow;
        this.metadata = b.metadata.isEmpty() ? null : Map.copyOf(b.metadata);
        if (inputFileId == null || inputFileId.isBlank()) {
            throw new ValidationException("input_file_id", "is required: the id of a file uploaded with purpose"
                    + " \"batch\"");
        }
        if (!endpoint.startsWith("/v1/")) {
            throw new ValidationException("endpoint", "must be a path such as " + CHAT_COMPLETIONS + ", was '"
                    + endpoint + "'");
        }
        Matcher m = WINDOW.matcher(completionWindow.value());
        long hours = !m.matches() ? -1
                : Long.parseLong(m.group(1)) * (m.group(2).equals("d") ? 24 : 1);
        if (hours < MIN_WINDOW_HOURS || hours > MAX_WINDOW_HOURS) {
            throw new ValidationException("completion_window", "must be from 24h to 7d (hours like \"48h\" or days"
                    + " like \"3d\"), was '" + completionWindow + "'");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @JsonProperty("input_file_id")
    public String inputFileId() {
        return inputFileId;
    }

    @JsonProperty("endpoint")
    public String endpoint() {
        return endpoint;
    }

    @JsonProperty("completion_window")
    public CompletionWindow completionWindow() {
        return completionWindow;
    }

    /** The metadata, or null when none was set (and none is sent). */
    @JsonProperty("metadata")
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "BatchCreateRequest{inputFileId=" + inputFileId + ", endpoint=" + endpoint + ", completionWindow="
                + completionWindow + (metadata == null ? "" : ", metadata=" + metadata) + '}';
    }

    public static final class Builder {
        private String inputFileId;
        private String endpoint = CHAT_COMPLETIONS;
        private CompletionWindow completionWindow = CompletionWindow.HOURS_24;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(BatchCreateRequest request) {
            this.inputFileId = request.inputFileId;
            this.endpoint = request.endpoint;
            this.completionWindow = request.completionWindow;
            if (request.metadata != null) this.metadata.putAll(request.metadata);
        }

        /** Required: the uploaded input file's id. */
        public Builder inputFileId(String inputFileId) {
            this.inputFileId = Objects.requireNonNull(inputFileId, "inputFileId == null");
            return this;
        }

        /** {@link #CHAT_COMPLETIONS} by default, the endpoint Groq's API description lists. */
        public Builder endpoint(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
            return this;
        }

        /** "24h" by default; hours or days from 24h to 7d. */
        public Builder completionWindow(String completionWindow) {
            return completionWindow(CompletionWindow.of(Objects.requireNonNull(completionWindow,
                    "completionWindow == null")));
        }

        /** {@link CompletionWindow#HOURS_24} by default; up to {@link CompletionWindow#DAYS_7}. */
        public Builder completionWindow(CompletionWindow completionWindow) {
            this.completionWindow = Objects.requireNonNull(completionWindow, "completionWindow == null");
            return this;
        }

        public Builder putMetadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Replaces the metadata. */
        public Builder metadata(Map<String, String> metadata) {
            Objects.requireNonNull(metadata, "metadata == null");
            this.metadata.clear();
            metadata.forEach(this::putMetadata);
            return this;
        }

        public BatchCreateRequest build() {
            return new BatchCreateRequest(this);
        }
    }
}
