package dev.groqj.embeddings;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An embeddings request ({@code CreateEmbeddingRequest}): one text or up to 2,048, checked before it is sent.
 *
 * <pre>{@code
 * EmbeddingRequest request = EmbeddingRequest.builder()
 *         .model(EmbeddingRequest.NOMIC_EMBED_TEXT_V1_5)
 *         .input("The quick brown fox")              // or input(List.of("first", "second"))
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} refuses a missing model, a missing or empty input, an empty text in the list and more
 * than 2,048 texts. Only what was set is sent; {@code encoding_format} {@link EncodingFormat#BASE64} makes the
 * answer smaller, and {@link Embedding#embedding()} is the same {@code float[]} either way.
 */
public final class EmbeddingRequest {
    /** The embedding model Groq's API description names. */
    public static final String NOMIC_EMBED_TEXT_V1_5 = "nomic-embed-text-v1_5";
    /** The most texts one request may carry. */
    public static final int MAX_INPUTS = 2048;

    /** How Groq sends each vector ({@code encoding_format}); either way it is read into a {@code float[]}. */
    public enum EncodingFormat {
        /** A JSON array of numbers, Groq's default. */
        FLOAT,
        /** Little-endian 32-bit floats in base64: about a quarter of the bytes of {@link #FLOAT}. */
        BASE64;

        @JsonValue
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String model;
    private final List<String> input;
    private final boolean inputIsList;
    private final EncodingFormat encodingFormat;
    private final String user;

    private EmbeddingRequest(Builder b) {
        this.model = Checks.required("model", b.model);
        if (b.input == null) throw new ValidationException("input", "is required: a text or a list of texts");
        if (!b.inputIsList && b.input.get(0).isEmpty()) throw new ValidationException("input", "must not be empty");
        this.input = Checks.texts("input", b.input, MAX_INPUTS, "texts");
        this.inputIsList = b.inputIsList;
        this.encodingFormat = b.encodingFormat;
        this.user = b.user;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The JSON body: {@code input} is a string when one text was set with {@link Builder#input(String)}. */
    @JsonValue
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", inputIsList ? input : input.get(0));
        if (encodingFormat != null) body.put("encoding_format", encodingFormat);
        if (user != null) body.put("user", user);
        return body;
    }

    public String model() {
        return model;
    }

    /** The texts, one when a single string was set. */
    public List<String> input() {
        return input;
    }

    /** The format asked for, or null when not set (Groq then sends {@link EncodingFormat#FLOAT}). */
    public EncodingFormat encodingFormat() {
        return encodingFormat;
    }

    public String user() {
        return user;
    }

    @Override
    public String toString() {
        // the texts stay out of logs
        return "EmbeddingRequest{model=" + model + ", input=" + input.size() + (inputIsList ? " texts" : " text")
                + (encodingFormat == null ? "" : ", encodingFormat=" + encodingFormat.wire()) + '}';
    }

    /** Builds an {@link EmbeddingRequest}; {@code model} and {@code input} are required. */
    public static final class Builder {
        private String model;
        private List<String> input;
        private boolean inputIsList;
        private EncodingFormat encodingFormat;
        private String user;

        private Builder() {
        }

        private Builder(EmbeddingRequest r) {
            this.model = r.model;
            this.input = r.input;
            this.inputIsList = r.inputIsList;
            this.encodingFormat = r.encodingFormat;
            this.user = r.user;
        }

        /** Required, such as {@link #NOMIC_EMBED_TEXT_V1_5}. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return this;
        }

        /** One text, sent as a JSON string; the answer holds one embedding. */
        public Builder input(String input) {
            this.input = List.of(Objects.requireNonNull(input, "input == null"));
            this.inputIsList = false;
            return this;
        }

        /** Up to 2,048 texts, sent as a JSON array; the answer holds one embedding per text, by index. */
        public Builder input(List<String> input) {
            Objects.requireNonNull(input, "input == null");
            for (int i = 0; i < input.size(); i++) Objects.requireNonNull(input.get(i), "input[" + i + "] == null");
            this.input = List.copyOf(input);
            this.inputIsList = true;
            return this;
        }

        /** How Groq sends the vectors; null (the default) sends nothing and Groq answers floats. */
        public Builder encodingFormat(EncodingFormat encodingFormat) {
            this.encodingFormat = encodingFormat;
            return this;
        }

        /** An id of your end user, which helps Groq detect abuse; null sends nothing. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public EmbeddingRequest build() {
            return new EmbeddingRequest(this);
        }
    }
}
