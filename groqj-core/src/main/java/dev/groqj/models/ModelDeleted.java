package dev.groqj.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/** The answer of {@code DELETE /models/{model}} (fine-tuned models only). */
public record ModelDeleted(String id, String object, boolean deleted,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {
    public ModelDeleted {
        additionalProperties = UnknownFields.frozenCopyOf(additionalProperties);
    }
}
