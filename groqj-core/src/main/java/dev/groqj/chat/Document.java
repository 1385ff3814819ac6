package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.internal.Json;

import java.util.Objects;

/**
 * A document the model may read and cite ({@code documents}), given inline as text or JSON.
 *
 * <pre>{@code
 * builder.addDocument(Document.text("Groq was founded in 2016.").withId("facts"))
 *        .citationOptions(true);
 * }</pre>
 */
public final class Document {
    private final String id;
    private final ObjectNode source;

    private Document(String id, ObjectNode source) {
        this.id = id;
        this.source = source;
    }

    public static Document text(String text) {
        Objects.requireNonNull(text, "text == null");
        return new Document(null, Json.MAPPER.createObjectNode().put("type", "text").put("text", text));
    }

    /** A JSON document: {@code data} is a {@link dev.groqj.JsonValue}, a Map or a bean that is a JSON object. */
    public static Document json(Object data) {
        Objects.requireNonNull(data, "data == null");
        JsonNode tree = Json.MAPPER.valueToTree(data);
        if (!tree.isObject()) throw new IllegalArgumentException("data must be a JSON object");
        ObjectNode source = Json.MAPPER.createObjectNode().put("type", "json");
        source.set("data", tree);
        return new Document(null, source);
    }

    /** A copy with the id that citations name. */
    public Document withId(String id) {
        return new Document(id, source);
    }

    /** The id, or null. */
    public String id() {
        return id;
    }

    @JsonValue
    ObjectNode wire() {
        ObjectNode wire = Json.MAPPER.createObjectNode();
        if (id != null) wire.put("id", id);
        wire.set("source", source);
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document && Objects.equals(id, ((Document) o).id) && source.equals(((Document) o).source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source);
    }

    @Override
    public String toString() {
        return "Document{id=" + id + ", type=" + source.get("type").asText() + '}';
    }
}
