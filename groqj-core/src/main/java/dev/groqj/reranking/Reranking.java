package dev.groqj.reranking;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /reranking} ({@code RerankingResponse}): the documents with their relevance scores, in
 * the order Groq sent them (most relevant first).
 *
 * <pre>{@code
 * for (Reranking.Result r : client.reranking().create(request).results()) {
 *     System.out.printf("%.2f %s%n", r.score(), r.doc());
 * }
 * }</pre>
 *
 * <p>Fields this type does not know are kept in {@code additionalProperties()}.
 */
public record Reranking(
        List<Result> results,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Reranking {
        results = results == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(results));
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** One document and its relevance to the query, from 0.0 to 1.0. */
    public record Result(
            String doc,
            double score,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Result {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
