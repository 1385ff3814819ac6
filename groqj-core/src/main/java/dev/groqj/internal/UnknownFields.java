package dev.groqj.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
