package dev.groqj.auth;

import dev.groqj.error.ValidationException;

import java.util.Objects;

/**
 * An API key. It is a secret: {@link #toString()} shows only a hint (the last four characters), so a key
 * printed by accident in a log or an exception message does not leak.
 *
 * <p>Leading and trailing whitespace is dropped (a key read from a file ends in a newline); any other character
 * that cannot go in an HTTP header is refused with a {@link ValidationException} naming {@code apiKey}, never
 * the key.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        String key = Objects.requireNonNull(value, "value == null").strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new ValidationException("apiKey", "has a control or non-ASCII character at index " + i
                        + " (after trimming; the key is not shown)");
            }
        }
        return new ApiKey(key);
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
