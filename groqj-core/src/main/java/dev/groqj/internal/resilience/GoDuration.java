package dev.groqj.internal.resilience;

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
 * Unlike Go, a value beyond Go's range (about 292 years) is not an error: it saturates at {@link #MAX}
 * (or its negation), since these strings come from a server and a huge reset still means "not soon".
 * Parsing takes time linear in the length of the text, whatever its digits.
 */
public final class GoDuration {
    /** The longest duration parsed: {@link Long#MAX_VALUE} nanoseconds, Go's own limit (about 292 years). */
    public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
    /** Integer digits beyond this many overflow any unit: saturate without parsing them. */
    private static final int MAX_INTEGER_DIGITS = 19;
    /** Fraction digits beyond these cannot change a whole nanosecond of any unit (the hour has 13 digits of ns). */
    private static final int MAX_FRACTION_DIGITS = 24;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final long[] TENS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

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

        long total = 0;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            String number = s.substring(numberStart, i);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') i++;
            long unit = unitNanos(s.substring(unitStart, i));
            if (unit == 0) return null;
            long nanos = nanos(number, unit);
            if (nanos < 0) return null;
            total = saturatedAdd(total, nanos);
        }
        return Duration.ofNanos(negative ? -total : total);
    }

    /**
     * {@code number} (digits with an optional fraction, as in {@code "12"}, {@code "1.5"}, {@code ".5"}) times
     * {@code nanosPerUnit}, truncated to whole nanoseconds and saturated at {@link Long#MAX_VALUE}; -1 when
     * {@code number} is not such a number. Linear in its length.
     */
    static long nanos(String number, long nanosPerUnit) {
        int dot = number.indexOf('.');
        String integer = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "" : number.substring(dot + 1);
        if ((integer.isEmpty() && fraction.isEmpty()) || !digits(integer) || !digits(fraction)) return -1;
        int firstSignificant = 0;
        while (firstSignificant < integer.length() && integer.charAt(firstSignificant) == '0') firstSignificant++;
        integer = integer.substring(firstSignificant);
        if (integer.length() > MAX_INTEGER_DIGITS) return Long.MAX_VALUE;
        if (fraction.length() > MAX_FRACTION_DIGITS) fraction = fraction.substring(0, MAX_FRACTION_DIGITS);
        if (integer.length() <= 9 && fraction.length() <= 9
                && (nanosPerUnit <= NANOS_PER_SECOND || (fraction.isEmpty() && integer.length() <= 6))) {
            // what Groq sends ("6s", "530ms", "2m59.56s"): exact in a long, no BigDecimal (once per answer)
            long whole = integer.isEmpty() ? 0 : Long.parseLong(integer);
            long part = fraction.isEmpty() ? 0 : Long.parseLong(fraction) * nanosPerUnit / TENS[fraction.length()];
            return whole * nanosPerUnit + part;
        }
        BigDecimal value = new BigDecimal((integer.isEmpty() ? "0" : integer) + "." + fraction + "0")
                .multiply(BigDecimal.valueOf(nanosPerUnit));
        return value.compareTo(LONG_MAX) >= 0 ? Long.MAX_VALUE : value.setScale(0, RoundingMode.DOWN).longValue();
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum; // both are >= 0: a negative sum is an overflow
    }

    /** Nanoseconds per unit, or 0 for an unknown unit. */
    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns": return 1;
            case "us":
            case "\u00b5s": // micro sign
            case "\u03bcs": // Greek small letter mu
                return NANOS_PER_MICRO;
            case "ms": return NANOS_PER_MILLI;
            case "s": return NANOS_PER_SECOND;
            case "m": return NANOS_PER_MINUTE;
            case "h": return NANOS_PER_HOUR;
            default: return 0;
        }
    }
}
