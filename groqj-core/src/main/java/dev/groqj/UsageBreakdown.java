package dev.groqj;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.internal.UnknownFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Usage per model, for compound systems ({@code groq/compound}) that run several models for one request.
 *
 * <pre>{@code
 * for (UsageBreakdown.ModelUsage m : completion.usageBreakdown().models()) {
 *     System.out.println(m.model() + ": " + m.usage().totalTokens());
 * }
 * }</pre>
 */
public record UsageBreakdown(
        List<ModelUsage> models,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public UsageBreakdown {
        models = models == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(models));
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** One model's share of the usage. */
    public record ModelUsage(
            String model,
            Usage usage,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public ModelUsage {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
