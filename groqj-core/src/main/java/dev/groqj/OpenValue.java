package dev.groqj;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A wire value from a set Groq may grow: known values are constants of the subclass, and any other string
 * still parses and round-trips instead of failing. Equal when of the same type with the same value.
 *
 * <pre>{@code
 * if (choice.finishReason() == FinishReason.TOOL_CALLS) { ... }   // known values are interned constants
 * FinishReason.of("content_filter").value();                       // "content_filter"
 * }</pre>
 */
public abstract class OpenValue {
    private final String value;

    protected OpenValue(String value) {
        this.value = Objects.requireNonNull(value, "value == null");
    }

    /** The wire value, as Groq sends it. */
    @JsonValue
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
