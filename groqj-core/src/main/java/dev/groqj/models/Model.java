package dev.groqj.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.internal.UnknownFields;

import java.util.Map;

/**
 * A model Groq serves. {@link #additionalProperties()} keeps fields this version does not know.
 *
 * <pre>{@code
 * Model m = client.models().retrieve("openai/gpt-oss-120b");
 * m.contextWindow(); // 131072
 * }</pre>
 */
public record Model(
        String id,
        String object,
        Long created,
        @JsonProperty("owned_by") String ownedBy,
        Boolean active,
        @JsonProperty("context_window") Long contextWindow,
        @JsonProperty("public_apps") Object publicApps,
        @JsonProperty("max_completion_tokens") Long maxCompletionTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {
    public Model {
        publicApps = UnknownFields.frozen(publicApps);
        additionalProperties = UnknownFields.frozenCopyOf(additionalProperties);
    }
}
