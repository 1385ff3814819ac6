package dev.groqj.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a response record that groqj has no type for. A JsonNode can be changed, so the nodes are copied
 * in, and every read hands out a copy: a value stays what it was, also when it goes back on the wire (a ToolCall
 * in a later request). Not API.
 */
public final class UnknownFields {
    private UnknownFields() {
    }

    /** An unmodifiable, copying view of {@code map}'s deep copy; JSON nulls kept. */
    public static Map<String, JsonNode> copyOf(Map<String, JsonNode> map) {
        if (map == null || map.isEmpty()) return Map.of();
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        map.forEach((name, value) -> nodes.put(name, copy(value)));
        return new CopyingMap(nodes);
    }

    /**
     * For records whose unknown fields are plain Java values (maps, lists, strings, numbers, as Jackson reads
     * them): an unmodifiable deep copy, nulls kept.
     */
    public static Map<String, Object> frozenCopyOf(Map<String, Object> map) {
        if (map == null || map.isEmpty()) return Map.of();
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> copy.put(name, frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** {@code value} with every map and list in it copied and made unmodifiable; a JsonNode deep-copied. */
    @SuppressWarnings("unchecked")
    public static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) return frozenCopyOf((Map<String, Object>) map);
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(frozen(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof JsonNode node) return node.deepCopy();
        return value;
    }

    private static JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }

    private static final class CopyingMap extends AbstractMap<String, JsonNode> {
        private final Map<String, JsonNode> nodes;

        CopyingMap(Map<String, JsonNode> nodes) {
            this.nodes = nodes;
        }

        @Override
        public JsonNode get(Object name) {
            return copy(nodes.get(name));
        }

        @Override
        public boolean containsKey(Object name) {
            return nodes.containsKey(name);
        }

        @Override
        public int size() {
            return nodes.size();
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    Iterator<Entry<String, JsonNode>> it = nodes.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Entry<String, JsonNode> next() {
                            Entry<String, JsonNode> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), copy(e.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return nodes.size();
                }
            };
        }
    }
}
