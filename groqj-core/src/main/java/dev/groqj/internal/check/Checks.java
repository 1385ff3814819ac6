package dev.groqj.internal.check;

import dev.groqj.error.ValidationException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The range checks the builders share, so that a rule reads and fails alike wherever a parameter has it. A leaf
 * package (it imports only {@code error}), so API packages can use it without joining a package cycle.
 */
public final class Checks {
    private Checks() {
    }

    /** {@code value}, else "must be >= min, was value". */
    public static long atLeast(String param, long value, long min) {
        if (value < min) throw new ValidationException(param, "must be >= " + min + ", was " + value);
        return value;
    }

    public static int atLeast(String param, int value, int min) {
        return (int) atLeast(param, (long) value, min);
    }

    /** {@code value} when null or in [min, max]; the bounds print as written: "between 0.5 and 5". */
    public static Double between(String param, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw new ValidationException(param, "must be between " + plain(min) + " and " + plain(max)
                    + ", was " + value);
        }
        return value;
    }

    /** A non-null duration above zero. */
    public static Duration positive(String param, Duration value) {
        Objects.requireNonNull(value, param + " == null");
        if (value.isNegative() || value.isZero()) throw new ValidationException(param, "must be positive, was " + value);
        return value;
    }

    /** A non-null duration of zero or more. */
    public static Duration notNegative(String param, Duration value) {
        Objects.requireNonNull(value, param + " == null");
        if (value.isNegative()) throw new ValidationException(param, "must be >= 0, was " + value);
        return value;
    }

    /** A set, non-blank text: "is required" when null, "must not be blank" when blank. */
    public static String required(String param, String value) {
        if (value == null) throw new ValidationException(param, "is required");
        return notBlank(param, value);
    }

    /** {@code value} when null or not blank. */
    public static String notBlank(String param, String value) {
        if (value != null && value.isBlank()) throw new ValidationException(param, "must not be blank");
        return value;
    }

    /**
     * A list of 1 to {@code max} texts, none empty; a failure names the list or the item ({@code docs[2]}), with
     * {@code what} naming the items ("texts", "documents").
     */
    public static <T extends CharSequence> List<T> texts(String param, List<T> values, int max,
                                                                   String what) {
        if (values.isEmpty()) throw new ValidationException(param, "must hold at least one of the " + what);
        if (values.size() > max) {
            throw new ValidationException(param, "must hold at most " + max + " " + what + ", was " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).length() == 0) throw new ValidationException(param + "[" + i + "]", "must not be empty");
        }
        return values;
    }

    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
