package dev.groqj.auth;

import java.util.Objects;

/**
 * An API key. It is a secret: {@link #toString()} shows only a hint (the last four characters), so a key
 * printed by accident in a log or an exception message does not leak.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        return new ApiKey(Objects.requireNonNull(value, "value == null"));
    }

    /** The key itself. Call only where it goes on the wire. */
    public String reveal() {
        return value;
    }

    /** {@code ...abcd}: enough to tell keys apart in a message, not enough to use one. */
    public String hint() {
        return value.length() > 8 ? "..." + value.substring(value.length() - 4) : "****";
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey && ((ApiKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + hint() + "]";
    }
}
