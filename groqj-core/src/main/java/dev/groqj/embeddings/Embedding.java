package dev.groqj.embeddings;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * One embedding vector of an {@link EmbeddingList}: {@link #index()} is the position of its text in the request.
 *
 * <pre>{@code
 * float[] vector = list.data().get(0).embedding();   // 768 floats for nomic-embed-text-v1_5
 * }</pre>
 *
 * <p>Whether Groq sent a JSON array or base64 ({@code encoding_format}), {@link #embedding()} is the same floats.
 * The record is a value: {@code equals} compares the vectors' contents, and {@link #embedding()} returns a copy.
 */
public record Embedding(
        int index,
        String object,
        @JsonDeserialize(using = Embedding.Vector.class) float[] embedding,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Embedding {
        embedding = embedding == null ? new float[0] : embedding.clone();
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** The vector; a copy, so the record stays immutable. */
    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    /** How many numbers the vector has, without copying it. */
    public int dimensions() {
        return embedding.length;
    }

    /** The cosine similarity of this vector and {@code other}'s: 1 for the same direction. */
    public double cosineSimilarity(Embedding other) {
        if (other.embedding.length != embedding.length) {
            throw new IllegalArgumentException("dimensions differ: " + embedding.length + " and "
                    + other.embedding.length);
        }
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < embedding.length; i++) {
            dot += (double) embedding[i] * other.embedding[i];
            a += (double) embedding[i] * embedding[i];
            b += (double) other.embedding[i] * other.embedding[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && e.index == index && java.util.Objects.equals(e.object, object)
                && Arrays.equals(e.embedding, embedding) && e.additionalProperties.equals(additionalProperties);
    }

    @Override
    public int hashCode() {
        return (index * 31 + Arrays.hashCode(embedding)) * 31 + additionalProperties.hashCode();
    }

    @Override
    public String toString() {
        return "Embedding{index=" + index + ", dimensions=" + embedding.length + '}';
    }

    /** Reads a JSON array of numbers or a base64 string of little-endian 32-bit floats. */
    static final class Vector extends JsonDeserializer<float[]> {
        @Override
        public float[] deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) return decodeBase64(p.getText(), ctx);
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return (float[]) ctx.handleUnexpectedToken(float[].class, p);
            }
            float[] values = new float[64];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                    return (float[]) ctx.handleUnexpectedToken(float.class, p);
                }
                if (n == values.length) values = Arrays.copyOf(values, n * 2);
                values[n++] = p.getFloatValue();
            }
            return Arrays.copyOf(values, n);
        }

        private static float[] decodeBase64(String text, DeserializationContext ctx) throws IOException {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return (float[]) ctx.handleWeirdStringValue(float[].class, text, "not base64: " + e.getMessage());
            }
            if (bytes.length % Float.BYTES != 0) {
                return (float[]) ctx.handleWeirdStringValue(float[].class, text,
                        bytes.length + " bytes are not whole 32-bit floats");
            }
            float[] values = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
    }
}
