package dev.groqj.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Groq's budgets as token buckets that refill continuously: requests per minute (RPM), requests per day (RPD) and
 * tokens per minute (TPM). As with Groq, the {@code x-ratelimit-*-requests} headers count the day's requests and
 * {@code x-ratelimit-*-tokens} the minute's tokens (RPM is enforced but not in the headers), and they tell the
 * truth: reset is the time until the bucket is full again, and a 429's {@code retry-after} is the time until the
 * request would fit.
 */
final class Quota {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final Clock clock;
    private final Bucket requestsPerMinute;
    private final Bucket requestsPerDay;
    private final Bucket tokens;

    Quota(Clock clock, long requestsPerMinute, long requestsPerDay, long tokensPerMinute) {
        this.clock = clock;
        this.requestsPerMinute = new Bucket("requests per minute (RPM)", requestsPerMinute, MINUTE, clock.instant());
        this.requestsPerDay = new Bucket("requests per day (RPD)", requestsPerDay, DAY, clock.instant());
        this.tokens = new Bucket("tokens per minute (TPM)", tokensPerMinute, MINUTE, clock.instant());
    }

    /**
     * The outcome of asking for one request that needs {@code promptTokens} tokens: when refused, the {@code type}
     * of Groq's error ({@code requests} or {@code tokens}) and the {@code limit} its message names.
     */
    record Decision(boolean allowed, String type, String limitName, long limit, long used, long requested,
                    Duration retryAfter) {
    }

    synchronized Decision acquire(long promptTokens) {
        Instant now = clock.instant();
        requestsPerMinute.refill(now);
        requestsPerDay.refill(now);
        tokens.refill(now);
        for (Bucket requests : new Bucket[] {requestsPerMinute, requestsPerDay}) {
            if (requests.level < 1) return requests.refusal("requests", 1, 1);
        }
        long needed = Math.min(promptTokens, tokens.capacity);
        if (tokens.level < needed) return tokens.refusal("tokens", promptTokens, needed);
        requestsPerMinute.level -= 1;
        requestsPerDay.level -= 1;
        return new Decision(true, null, null, 0, 0, 0, Duration.ZERO);
    }

    long tokensPerMinute() {
        return tokens.capacity;
    }

    /** Charges the tokens a request used once its answer is known. */
    synchronized void charge(long usedTokens) {
        tokens.refill(clock.instant());
        tokens.level = Math.max(0, tokens.level - usedTokens);
    }

    synchronized void reset() {
        Instant now = clock.instant();
        requestsPerMinute.fill(now);
        requestsPerDay.fill(now);
        tokens.fill(now);
    }

    /** The six {@code x-ratelimit-*} headers as of now, as name/value pairs: the day's requests, the minute's tokens. */
    synchronized String[] headers() {
        Instant now = clock.instant();
        requestsPerDay.refill(now);
        tokens.refill(now);
        return new String[] {
                "x-ratelimit-limit-requests", Long.toString(requestsPerDay.capacity),
                "x-ratelimit-limit-tokens", Long.toString(tokens.capacity),
                "x-ratelimit-remaining-requests", Long.toString((long) Math.floor(requestsPerDay.level)),
                "x-ratelimit-remaining-tokens", Long.toString((long) Math.floor(tokens.level)),
                "x-ratelimit-reset-requests", GoDuration.format(requestsPerDay.timeUntil(requestsPerDay.capacity)),
                "x-ratelimit-reset-tokens", GoDuration.format(tokens.timeUntil(tokens.capacity)),
        };
    }

    private static final class Bucket {
        final String name;
        final long capacity;
        final double periodNanos;
        double level;
        Instant refilledAt;

        Bucket(String name, long capacity, Duration period, Instant now) {
            this.name = name;
            this.capacity = capacity;
            this.periodNanos = period.toNanos();
            fill(now);
        }

        Decision refusal(String type, long requested, long needed) {
            return new Decision(false, type, name, capacity, used(), requested, timeUntil(needed));
        }

        void fill(Instant now) {
            level = capacity;
            refilledAt = now;
        }

        void refill(Instant now) {
            long elapsedNanos = Duration.between(refilledAt, now).toNanos();
            if (elapsedNanos <= 0) return;
            level = Math.min(capacity, level + capacity * (elapsedNanos / periodNanos));
            refilledAt = now;
        }

        long used() {
            return capacity - (long) Math.floor(level);
        }

        Duration timeUntil(double target) {
            double missing = target - level;
            if (missing <= 0) return Duration.ZERO;
            return Duration.ofNanos((long) Math.ceil(missing / capacity * periodNanos / 1e6) * 1_000_000L);
        }
    }
}
