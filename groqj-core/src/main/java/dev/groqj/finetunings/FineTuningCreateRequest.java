package dev.groqj.finetunings;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.groqj.internal.check.Checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a fine-tuning over an uploaded file ({@code CreateFineTuningRequest}; a closed beta of Groq's).
 *
 * <pre>{@code
 * FineTuningResult created = client.fineTunings().create(FineTuningCreateRequest.builder()
 *         .inputFileId(file.id())
 *         .baseModel("llama-3.1-8b-instant")
 *         .name("support-bot-1")
 *         .type(FineTuningCreateRequest.LORA)
 *         .build());
 * }</pre>
 *
 * <p>{@link Builder#build()} refuses a missing input file or base model (a fine-tuning needs both, though the
 * API description marks nothing required) and a blank name or type. Only what was set is sent.
 */
public final class FineTuningCreateRequest {
    /** The fine-tuning type Groq's API description names: a low-rank adapter. */
    public static final String LORA = "lora";

    private final String inputFileId;
    private final String baseModel;
    private final String name;
    private final String type;

    private FineTuningCreateRequest(Builder b) {
        this.inputFileId = Checks.required("input_file_id", b.inputFileId);
        this.baseModel = Checks.required("base_model", b.baseModel);
        this.name = Checks.notBlank("name", b.name);
        this.type = Checks.notBlank("type", b.type);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @JsonValue
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input_file_id", inputFileId);
        body.put("base_model", baseModel);
        if (name != null) body.put("name", name);
        if (type != null) body.put("type", type);
        return body;
    }

    public String inputFileId() {
        return inputFileId;
    }

    public String baseModel() {
        return baseModel;
    }

    /** The name, or null when not set. */
    public String name() {
        return name;
    }

    /** The type ({@link #LORA}), or null when not set. */
    public String type() {
        return type;
    }

    @Override
    public String toString() {
        return "FineTuningCreateRequest{inputFileId=" + inputFileId + ", baseModel=" + baseModel
                + (name == null ? "" : ", name=" + name) + (type == null ? "" : ", type=" + type) + '}';
    }

    /** Builds a {@link FineTuningCreateRequest}; {@code inputFileId} and {@code baseModel} are required. */
    public static final class Builder {
        private String inputFileId;
        private String baseModel;
        private String name;
        private String type;

        private Builder() {
        }

        private Builder(FineTuningCreateRequest r) {
            this.inputFileId = r.inputFileId;
            this.baseModel = r.baseModel;
            this.name = r.name;
            this.type = r.type;
        }

        /** Required: the id of the training file, uploaded with the Files API. */
        public Builder inputFileId(String inputFileId) {
            this.inputFileId = Objects.requireNonNull(inputFileId, "inputFileId == null");
            return this;
        }

        /** Required: the model the fine-tuning starts from. */
        public Builder baseModel(String baseModel) {
            this.baseModel = Objects.requireNonNull(baseModel, "baseModel == null");
            return this;
        }

        /** The name given to the fine-tuned model; null sends nothing. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The kind of fine-tuning, such as {@link #LORA}; null sends nothing. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public FineTuningCreateRequest build() {
            return new FineTuningCreateRequest(this);
        }
    }
}
