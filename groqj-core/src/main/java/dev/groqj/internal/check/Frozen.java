package dev.groqj.internal.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep unmodifiable copies of plain Java JSON values (maps, lists, strings, numbers, as Jackson reads them). A leaf,
 * like {@link Checks}, so the error package can keep unknown fields without depending on the rest of groqj. Not API.
 */
public final class Frozen {
    private Frozen() {
    }

    /** An unmodifiable deep copy, in order, nulls kept; empty for null. */
    public static Map<String, Object> copyOf(Map<String, Object> map) {
        if (map == null || map.isEmpty()) return Map.of();
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> copy.put(name, value(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** {@code value} with every map and list in it copied and made unmodifiable. */
    @SuppressWarnings("unchecked")
    public static Object value(Object value) {
        if (value instanceof Map<?, ?> map) return copyOf((Map<String, Object>) map);
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(value(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
