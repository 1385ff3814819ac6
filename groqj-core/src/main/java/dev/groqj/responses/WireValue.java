package dev.groqj.responses;

import dev.groqj.JsonValue;

import java.util.Objects;

/**
 * A request part held as the JSON it sends: tools, tool choices, formats, input items. Equal when the JSON is;
 * read back from a response's echo of the request as the same type.
 */
abstract class WireValue {
    private final JsonValue wire;

    WireValue(JsonValue wire) {
        this.wire = Objects.requireNonNull(wire, "wire == null");
    }

    /** The JSON sent for this value. */
    @com.fasterxml.jackson.annotation.JsonValue
    public final JsonValue toJson() {
        return wire;
    }

    /** The {@code type} field, or null when the value has none (a tool choice sent as a string). */
    public String type() {
        JsonValue type = wire.get("type");
        return type.isString() ? type.asString() : null;
    }

    /** A string field of the JSON, or null. */
    final String string(String field) {
        JsonValue value = wire.get(field);
        return value.isString() ? value.asString() : null;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && wire.equals(((WireValue) o).wire);
    }

    @Override
    public final int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + wire;
    }
}
