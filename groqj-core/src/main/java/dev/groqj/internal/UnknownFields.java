package dev.groqj.internal;

import dev.groqj.JsonValue;
import dev.groqj.internal.check.Frozen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of a response record that groqj has no type for, copied into unmodifiable maps. Not API. */
public final class UnknownFields {
    private UnknownFields() {
    }

    /** An unmodifiable copy, in order, JSON nulls kept; the values need no copy, a JsonValue cannot change. */
    public static Map<String, JsonValue> copyOf(Map<String, JsonValue> map) {
        if (map == null || map.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** An unmodifiable copy of a record's list, empty when absent. */
    public static <T> List<T> list(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A JSON {@code null} read into a {@link JsonValue} property is reported as absent. */
    public static JsonValue present(JsonValue value) {
        return value == null || value.isNull() || value.isMissing() ? null : value;
    }

    /**
     * For records whose unknown fields are plain Java values (maps, lists, strings, numbers, as Jackson reads
     * them): an unmodifiable deep copy, nulls kept.
     */
    public static Map<String, Object> frozenCopyOf(Map<String, Object> map) {
        return Frozen.copyOf(map);
    }

    /** {@code value} with every map and list in it copied and made unmodifiable. */
    public static Object frozen(Object value) {
        return Frozen.value(value);
    }
}
