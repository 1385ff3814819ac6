package dev.groqj.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /embeddings} ({@code CreateEmbeddingResponse}): one {@link Embedding} per input text.
 *
 * <pre>{@code
 * EmbeddingList list = client.embeddings().create(request);
 * float[] first = list.data().get(0).embedding();
 * list.usage().promptTokens();
 * }</pre>
 *
 * <p>Fields this type does not know are kept in {@link #additionalProperties()}.
 */
public record EmbeddingList(
        String object,
        String model,
        List<Embedding> data,
        EmbeddingUsage usage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public EmbeddingList {
        data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** The token counts of an embeddings request; there are no completion tokens. */
    public record EmbeddingUsage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("total_tokens") int totalTokens,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public EmbeddingUsage {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
