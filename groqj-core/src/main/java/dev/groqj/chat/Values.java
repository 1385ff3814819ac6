package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.UnknownFields;

import java.util.ArrayList;
import java.util.Collections;
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
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static Map<String, JsonNode> unknown(Map<String, JsonNode> map) {
        return UnknownFields.copyOf(map);
    }

    /** A copy for an accessor to hand out (a JsonNode can be changed), or null. */
    static JsonNode copy(JsonNode node) {
        return node == null ? null : node.deepCopy();
    }

    /** Copies of the nodes, for an accessor to hand out. */
    static List<JsonNode> copies(List<JsonNode> nodes) {
        return nodes.isEmpty() ? nodes : nodes.stream().map(Values::copy).toList();
    }

    /** A JSON {@code null} read into a {@link JsonNode} property is reported as absent. */
    static JsonNode node(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
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
