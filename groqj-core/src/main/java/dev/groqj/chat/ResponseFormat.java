package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The form of the model's answer ({@code response_format}): text, any JSON object, or JSON that follows a
 * schema (Structured Outputs, on the models that support it).
 *
 * <pre>{@code
 * builder.responseFormat(ResponseFormat.jsonSchema("person", "A person", Map.of(
 *         "type", "object",
 *         "properties", Map.of("name", Map.of("type", "string")),
 *         "required", List.of("name")), true));
 * }</pre>
 *
 * <p>Groq answers 400 to {@code json_object} or {@code json_schema} combined with tools on some models.
 */
public final class ResponseFormat {
    private static final ResponseFormat TEXT = new ResponseFormat(JsonValue.of(Map.of("type", "text")));
    private static final ResponseFormat JSON_OBJECT = new ResponseFormat(JsonValue.of(Map.of("type", "json_object")));

    private final JsonValue wire;

    private ResponseFormat(JsonValue wire) {
        this.wire = wire;
    }

    public static ResponseFormat text() {
        return TEXT;
    }

    /** JSON mode: valid JSON, no schema. Tell the model in a message to answer in JSON. */
    public static ResponseFormat jsonObject() {
        return JSON_OBJECT;
    }

    /**
     * Structured Outputs: JSON following {@code schema}. {@code name} is 1 to 64 of a-z, A-Z, 0-9, '_', '-';
     * {@code description} may be null; with {@code strict} the model follows the schema exactly (only a subset
     * of JSON Schema is allowed then).
     */
    public static ResponseFormat jsonSchema(String name, String description, Map<String, ?> schema, boolean strict) {
        Objects.requireNonNull(schema, "schema == null");
        return jsonSchema(name, description, JsonValues.valueOf(schema), strict);
    }

    /** As {@link #jsonSchema(String, String, Map, boolean)}, with the schema as a {@link JsonValue}. */
    public static ResponseFormat jsonSchema(String name, String description, JsonValue schema, boolean strict) {
        Values.requireName("response_format.json_schema.name", name);
        Objects.requireNonNull(schema, "schema == null");
        if (!schema.isObject()) {
            throw new ValidationException("response_format.json_schema.schema", "must be a JSON Schema object");
        }
        Map<String, Object> jsonSchema = new LinkedHashMap<>();
        jsonSchema.put("name", name);
        if (description != null) jsonSchema.put("description", description);
        jsonSchema.put("schema", schema);
        jsonSchema.put("strict", strict);
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "json_schema");
        wire.put("json_schema", jsonSchema);
        return new ResponseFormat(JsonValue.of(wire));
    }

    /** {@code text}, {@code json_object} or {@code json_schema}. */
    public String type() {
        return wire.get("type").asString();
    }

    /** The {@code json_schema} object (name, description, schema, strict), or null. */
    public JsonValue jsonSchema() {
        JsonValue schema = wire.get("json_schema");
        return schema.isMissing() ? null : schema;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    JsonValue wire() {
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseFormat && wire.equals(((ResponseFormat) o).wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return "ResponseFormat" + wire;
    }
}
