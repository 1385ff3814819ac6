package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The form of a response's text ({@code text.format}): plain text, any JSON object, or JSON that follows a schema.
 *
 * <pre>{@code
 * builder.textFormat(TextFormat.jsonSchema("person", null, Map.of(
 *         "type", "object",
 *         "properties", Map.of("name", Map.of("type", "string")),
 *         "required", List.of("name")), true));
 * }</pre>
 */
public final class TextFormat extends WireValue {
    private static final TextFormat TEXT = new TextFormat(JsonValue.of(Map.of("type", "text")));
    private static final TextFormat JSON_OBJECT = new TextFormat(JsonValue.of(Map.of("type", "json_object")));

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    TextFormat(JsonValue wire) {
        super(wire);
    }

    public static TextFormat text() {
        return TEXT;
    }

    /** JSON mode: valid JSON, no schema. Ask for JSON in the input too. */
    public static TextFormat jsonObject() {
        return JSON_OBJECT;
    }

    /**
     * Structured output: JSON following {@code schema} (a Map, a {@link JsonValue} or a bean written as JSON).
     * {@code name} is 1 to 64 of a-z, A-Z, 0-9, '_', '-'; {@code description} may be null; with {@code strict}
     * the model follows the schema exactly.
     */
    public static TextFormat jsonSchema(String name, String description, Object schema, boolean strict) {
        ResponseTool.requireName("text.format.name", name);
        Objects.requireNonNull(schema, "schema == null");
        JsonValue json = JsonValues.valueOf(schema);
        if (!json.isObject()) throw new ValidationException("text.format.schema", "must be a JSON Schema object");
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "json_schema");
        wire.put("name", name);
        if (description != null) wire.put("description", description);
        wire.put("schema", json);
        wire.put("strict", strict);
        return new TextFormat(JsonValue.of(wire));
    }

    /** The schema's name, or null for text and JSON object. */
    public String name() {
        return string("name");
    }

    /** The JSON Schema of a {@code json_schema} format, or null. */
    public JsonValue schema() {
        JsonValue schema = toJson().get("schema");
        return schema.isMissing() ? null : schema;
    }
}
