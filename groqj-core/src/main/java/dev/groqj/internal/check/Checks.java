package dev.groqj.internal.check;

import dev.groqj.error.ValidationException;

import java.math.BigDecimal;
import java.time.Duration;
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

    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
