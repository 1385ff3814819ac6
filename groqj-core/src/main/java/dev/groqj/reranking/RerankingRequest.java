package dev.groqj.reranking;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reranking request ({@code RerankingRequest}): a query and up to 100 documents to order by relevance.
 *
 * <pre>{@code
 * RerankingRequest request = RerankingRequest.builder()
 *         .model(RerankingRequest.QWEN3_RERANKER_4B)
 *         .query("artificial intelligence")
 *         .addDoc("Machine learning is a subset of AI")
 *         .addDoc("The weather is nice today")
 *         .instruction("Find documents about AI research")   // optional
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} refuses a missing model or query, no documents, more than 100, and an empty document.
 */
public final class RerankingRequest {
    /** The reranking model Groq's API description names. */
    public static final String QWEN3_RERANKER_4B = "qwen3-reranker-4b";
    /** The most documents one request may carry. */
    public static final int MAX_DOCS = 100;

    private final String model;
    private final String query;
    private final List<String> docs;
    private final String instruction;

    private RerankingRequest(Builder b) {
        this.model = Checks.required("model", b.model);
        if (b.query == null) throw new ValidationException("query", "is required");
        this.query = b.query;
        this.docs = Checks.texts("docs", List.copyOf(b.docs), MAX_DOCS, "documents");
        this.instruction = b.instruction;
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
        body.put("model", model);
        body.put("query", query);
        body.put("docs", docs);
        if (instruction != null) body.put("instruction", instruction);
        return body;
    }

    public String model() {
        return model;
    }

    public String query() {
        return query;
    }

    public List<String> docs() {
        return docs;
    }

    /** The instruction, or null when not set (Groq then uses its default). */
    public String instruction() {
        return instruction;
    }

    @Override
    public String toString() {
        return "RerankingRequest{model=" + model + ", docs=" + docs.size() + '}'; // texts stay out of logs
    }

    /** Builds a {@link RerankingRequest}; {@code model}, {@code query} and one document at least are required. */
    public static final class Builder {
        private String model;
        private String query;
        private final List<String> docs = new ArrayList<>();
        private String instruction;

        private Builder() {
        }

        private Builder(RerankingRequest r) {
            this.model = r.model;
            this.query = r.query;
            this.docs.addAll(r.docs);
            this.instruction = r.instruction;
        }

        /** Required, such as {@link #QWEN3_RERANKER_4B}. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return this;
        }

        /** Required: what the documents are ranked against. */
        public Builder query(String query) {
            this.query = Objects.requireNonNull(query, "query == null");
            return this;
        }

        /** Replaces the documents. */
        public Builder docs(List<String> docs) {
            Objects.requireNonNull(docs, "docs == null");
            this.docs.clear();
            docs.forEach(this::addDoc);
            return this;
        }

        public Builder addDoc(String doc) {
            docs.add(Objects.requireNonNull(doc, "doc == null"));
            return this;
        }

        /** Guides the ranking; null (the default) sends nothing and Groq uses its own. */
        public Builder instruction(String instruction) {
            this.instruction = instruction;
            return this;
        }

        public RerankingRequest build() {
            return new RerankingRequest(this);
        }
    }
}
