package dev.groqj.finetunings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * One fine-tuning: its id, name, base model, type, training file and, once trained, the model it made.
 *
 * <pre>{@code
 * FineTuning ft = client.fineTunings().retrieve(id).data();
 * ft.fineTunedModel();   // the model id to use in chat requests
 * }</pre>
 *
 * <p>{@code created_at} is Unix seconds, a JSON number (null when absent). Fields this type does not know are kept
 * in {@link #additionalProperties()}.
 */
public record FineTuning(
        String id,
        String name,
        @JsonProperty("base_model") String baseModel,
        String type,
        @JsonProperty("input_file_id") String inputFileId,
        @JsonProperty("created_at") Double createdAt,
        @JsonProperty("fine_tuned_model") String fineTunedModel,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public FineTuning {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }
}
