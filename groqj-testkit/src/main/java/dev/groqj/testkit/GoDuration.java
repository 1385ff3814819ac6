package dev.groqj.testkit;

import java.math.BigDecimal;
import java.time.Duration;

/** Formats durations the way Go's {@code time.Duration.String()} does, as Groq's rate-limit headers show them. */
final class GoDuration {
    private GoDuration() {
    }

    /** {@code 26ms}, {@code 7.66s}, {@code 2m59.56s}, {@code 1h0m0s}, {@code 0s}. */
    static String format(Duration d) {
        if (d.isNegative() || d.isZero()) return "0s";
        long nanos = d.toNanos();
        if (nanos < 1_000) return nanos + "ns";
        if (nanos < 1_000_000) return decimal(nanos, 1_000) + "µs";
        if (nanos < 1_000_000_000) return decimal(nanos, 1_000_000) + "ms";
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        long secondNanos = nanos % 60_000_000_000L;
        StringBuilder sb = new StringBuilder();
        if (hours > 0) sb.append(hours).append('h');
        if (hours > 0 || minutes > 0) sb.append(minutes).append('m');
        return sb.append(decimal(secondNanos, 1_000_000_000)).append('s').toString();
    }

    private static String decimal(long nanos, long unit) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
