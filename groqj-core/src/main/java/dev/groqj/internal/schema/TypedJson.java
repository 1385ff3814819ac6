package dev.groqj.internal.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.groqj.JsonValue;
import dev.groqj.error.StructuredOutputException;
import dev.groqj.internal.Json;
import dev.groqj.internal.JsonValues;

/**
 * The user's types to and from JSON: structured answers, tool arguments, tool results. groqj's mapper, plus
 * {@code Optional} and a null refused for a primitive, so what the schema promised is what is read. Not API.
 */
public final class TypedJson {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TypedJson() {
    }

    /** Why JSON text did not become a value of the type asked for. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** {@code json} read as a {@code type}; {@code Void} reads anything as null. */
    public static <T> T read(String json, Class<T> type) throws Unreadable {
        if (json == null || json.isBlank()) throw new Unreadable("the answer is empty");
        if (type == Void.class) return null;
        if (type == JsonValue.class) {
            try {
                return type.cast(JsonValue.parse(json));
            } catch (RuntimeException e) {
                throw new Unreadable(e.getMessage());
            }
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) throw new Unreadable("the answer is JSON null");
            return value;
        } catch (InvalidDefinitionException e) {
            // the type, not the answer, is at fault: say how to fix it rather than blame the model
            throw new IllegalStateException("groqj cannot create a " + type.getName() + ": " + e.getOriginalMessage()
                    + " (on the module path, export its package, or open it to com.fasterxml.jackson.databind)", e);
        } catch (JsonProcessingException e) {
            throw new Unreadable(e.getOriginalMessage());
        }
    }

    /** A model's answer (or a call's arguments) as a {@code type}, or a StructuredOutputException saying why not. */
    public static <T> T answer(String json, Class<T> type) {
        try {
            return read(json, type);
        } catch (Unreadable e) {
            throw new StructuredOutputException(type.getName(), json, e.getMessage());
        }
    }

    /** A tool's result as message text: text as it is, a JsonValue as its JSON, anything else as groqj writes it. */
    public static String resultText(Object result) {
        if (result instanceof CharSequence text) return text.toString();
        if (result instanceof JsonValue json) return json.toJson();
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + result.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A value as JSON, for comparing calls. */
    public static JsonValue tree(String json) {
        try {
            return JsonValues.parse(json);
        } catch (RuntimeException e) {
            return JsonValue.of(json);
        }
    }
}
