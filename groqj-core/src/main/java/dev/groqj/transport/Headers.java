package dev.groqj.transport;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable HTTP headers with case-insensitive names, as received or to be sent.
 *
 * <pre>{@code
 * Headers h = Headers.of(Map.of("x-request-id", List.of("req_123")));
 * h.first("X-Request-Id"); // Optional[req_123]
 * }</pre>
 */
public final class Headers implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, List<String>> map;

    /** {@code caseInsensitive} must compare names ignoring case, hold unmodifiable lists, and not change later. */
    private Headers(Map<String, List<String>> caseInsensitive) {
        this.map = Collections.unmodifiableMap(caseInsensitive);
    }

    /** Copies {@code source}; names are compared ignoring case, a later duplicate name adds its values. */
    public static Headers of(Map<String, ? extends List<String>> source) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, values) -> {
            if (name == null) return; // the JDK reports the status line under a null name
            copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
        });
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new Headers(copy);
    }

    /**
     * Wraps, without copying, a map that already compares names ignoring case and never changes, such as
     * {@code java.net.http.HttpHeaders#map()}: one copy less on every response.
     */
    static Headers wrapCaseInsensitive(Map<String, List<String>> caseInsensitive) {
        return new Headers(caseInsensitive);
    }

    /** Headers from name/value pairs: {@code Headers.ofPairs("a", "1", "b", "2")}. */
    public static Headers ofPairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must be name/value pairs");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            copy.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>())
                    .add(namesAndValues[i + 1]);
        }
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new Headers(copy);
    }

    public Optional<String> first(String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of {@code name}, or null. */
    public String firstOrNull(String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return map.getOrDefault(name, List.of());
    }

    /** Names (as received or set) to their values; unmodifiable, names compared ignoring case. */
    public Map<String, List<String>> toMap() {
        return map;
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** Serialized as a plain copy of the map (the wrapped JDK map need not be serializable); read back through {@link #of}. */
    private Object writeReplace() {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return new Serialized(copy);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("Headers are read through their serialized form");
    }

    private record Serialized(LinkedHashMap<String, List<String>> map) implements Serializable {
        private Object readResolve() {
            return Headers.of(map);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Headers{");
        map.forEach((k, v) -> sb.append(k).append('=')
                .append(k.equalsIgnoreCase("authorization") ? "[redacted]" : String.join(",", v)).append(", "));
        if (!map.isEmpty()) sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }
}
