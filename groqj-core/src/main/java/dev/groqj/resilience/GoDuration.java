package dev.groqj.resilience;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Parses Go's {@code time.Duration} strings, the format of Groq's {@code x-ratelimit-reset-*} headers.
 *
 * <pre>{@code
 * GoDuration.parse("2m59.56s");      // PT2M59.56S
 * GoDuration.parse("10.332999999s"); // exact to the nanosecond
 * GoDuration.tryParse("soon");       // null
 * }</pre>
 *
 * <p>The grammar is Go's: an optional sign, then one or more decimal numbers, each with an optional
 * fraction and a unit ({@code ns}, {@code us}, {@code µs}, {@code μs}, {@code ms}, {@code s}, {@code m},
 * {@code h}); {@code "0"} alone is zero. Fractions are truncated to whole nanoseconds, as Go does.
 */
public final class GoDuration {
    private static final BigDecimal NANOS_PER_MICRO = BigDecimal.valueOf(1_000L);
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);
    private static final BigDecimal NANOS_PER_HOUR = BigDecimal.valueOf(3_600_000_000_000L);

    private GoDuration() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming the text when it is not a Go duration. */
    public static Duration parse(String text) {
        Duration d = tryParse(text);
        if (d == null) {
            throw new IllegalArgumentException("not a Go duration: \"" + text + "\"");
        }
        return d;
    }

    /** Parses {@code text}, or returns null when it is null or not a Go duration. */
    public static Duration tryParse(String text) {
        if (text == null) return null;
        String s = text.trim();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (s.substring(i).equals("0")) return Duration.ZERO;
        if (i == s.length()) return null;

        BigDecimal total = BigDecimal.ZERO;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            String number = s.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) return null;
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') i++;
            BigDecimal unit = unitNanos(s.substring(unitStart, i));
            if (unit == null) return null;
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(unit));
        }
        long nanos;
        try {
            nanos = total.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException overflow) {
            return null;
        }
        return Duration.ofNanos(negative ? -nanos : nanos);
    }

    private static BigDecimal unitNanos(String unit) {
        switch (unit) {
            case "ns": return BigDecimal.ONE;
            case "us":
            case "\u00b5s": // micro sign
            case "\u03bcs": // Greek small letter mu
                return NANOS_PER_MICRO;
            case "ms": return NANOS_PER_MILLI;
            case "s": return NANOS_PER_SECOND;
            case "m": return NANOS_PER_MINUTE;
            case "h": return NANOS_PER_HOUR;
            default: return null;
        }
    }
}
