package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.UnknownFields;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Defensive copies for the response records: absent becomes empty, and JSON nulls inside survive. */
final class Values {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private Values() {
    }

    static <T> List<T> list(List<T> list) {
        return UnknownFields.list(list);
    }

    static Map<String, JsonValue> unknown(Map<String, JsonValue> map) {
        return UnknownFields.copyOf(map);
    }

    /** A JSON {@code null} read into a {@link JsonValue} property is reported as absent. */
    static JsonValue present(JsonValue value) {
        return UnknownFields.present(value);
    }

    /** Function and schema names: what Groq accepts, checked before sending. */
    static String requireName(String param, String name) {
        Objects.requireNonNull(name, "name == null");
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException(param, "'" + name + "' must be 1 to 64 of a-z, A-Z, 0-9, '_' and '-'");
        }
        return name;
    }
}
