package dev.groqj.internal;

import dev.groqj.transport.Headers;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads how long the server asked us to wait: {@code retry-after-ms}, else {@code retry-after}. Not API. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait the headers ask for, or null when they ask none (or say it unreadably). */
    public static Duration from(Headers headers, Clock clock) {
        String ms = headers.firstOrNull("retry-after-ms");
        if (ms != null) {
            try {
                double v = Double.parseDouble(ms.trim());
                if (v >= 0 && Double.isFinite(v)) return Duration.ofNanos(Math.round(v * 1_000_000));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String after = headers.firstOrNull("retry-after");
        if (after == null) return null;
        String v = after.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofNanos(Math.round(seconds * 1e9)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
