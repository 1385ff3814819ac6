package dev.groqj.internal.resilience;

import dev.groqj.resilience.RetryConfig;
import dev.groqj.transport.Headers;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads how long the server asked to wait: {@code retry-after-ms} (milliseconds) wins, else
 * {@code retry-after} in seconds or as an HTTP date.
 *
 * <pre>{@code
 * Optional<Duration> wait = RetryAfter.from(response.headers(), clock); // e.g. PT2S for "retry-after: 2"
 * }</pre>
 *
 * A date in the past, or a negative number, is a zero wait; an unparseable value is ignored. A number of any
 * size is read in linear time and saturates at {@link GoDuration#MAX} (about 292 years): a hostile
 * {@code retry-after: 10000000000} is a very long wait, never an overflow. What such a wait does is the
 * caller's rule ({@link RetryConfig#maxRetryAfter()}).
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> from(Headers headers, Clock clock) {
        Objects.requireNonNull(headers, "headers == null");
        Objects.requireNonNull(clock, "clock == null");
        Duration ms = scaled(headers.firstOrNull("retry-after-ms"), 1_000_000L);
        if (ms != null) return Optional.of(ms);
        String retryAfter = headers.firstOrNull("retry-after");
        Duration seconds = scaled(retryAfter, 1_000_000_000L);
        if (seconds != null) return Optional.of(seconds);
        if (retryAfter == null) return Optional.empty();
        try {
            ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code value} as a (possibly fractional, possibly negative) number of units of {@code nanosPerUnit}, or null. */
    private static Duration scaled(String value, long nanosPerUnit) {
        if (value == null) return null;
        String v = value.trim();
        boolean negative = v.startsWith("-");
        long nanos = GoDuration.nanos(negative ? v.substring(1) : v, nanosPerUnit);
        if (nanos < 0) return null;
        return negative ? Duration.ZERO : Duration.ofNanos(nanos);
    }
}
