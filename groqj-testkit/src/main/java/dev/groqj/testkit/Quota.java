package dev.groqj.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Groq's per-minute budgets as two token buckets that refill continuously, so that the
 * {@code x-ratelimit-remaining-*} and {@code x-ratelimit-reset-*} headers tell the truth: reset is the time
 * until the bucket is full again, and a 429's {@code retry-after} is the time until the request would fit.
 */
final class Quota {
    private final Clock clock;
    private final Bucket requests;
    private final Bucket tokens;

    Quota(Clock clock, long requestsPerMinute, long tokensPerMinute) {
        this.clock = clock;
        this.requests = new Bucket(requestsPerMinute, clock.instant());
        this.tokens = new Bucket(tokensPerMinute, clock.instant());
    }

    /** The outcome of asking for one request that needs {@code promptTokens} tokens. */
    record Decision(boolean allowed, String exhausted, long limit, long used, long requested, Duration retryAfter) {
    }

    synchronized Decision acquire(long promptTokens) {
        Instant now = clock.instant();
        requests.refill(now);
        tokens.refill(now);
        if (requests.level < 1) {
            return new Decision(false, "requests", requests.capacity, requests.used(), 1, requests.timeUntil(1));
        }
        long needed = Math.min(promptTokens, tokens.capacity);
        if (tokens.level < needed) {
            return new Decision(false, "tokens", tokens.capacity, tokens.used(), promptTokens,
                    tokens.timeUntil(needed));
        }
        requests.level -= 1;
        return new Decision(true, null, 0, 0, 0, Duration.ZERO);
    }

    /** Charges the tokens a request used once its answer is known. */
    synchronized void charge(long usedTokens) {
        tokens.refill(clock.instant());
        tokens.level = Math.max(0, tokens.level - usedTokens);
    }

    synchronized void reset() {
        Instant now = clock.instant();
        requests.fill(now);
        tokens.fill(now);
    }

    /** The six {@code x-ratelimit-*} headers as of now, as name/value pairs. */
    synchronized String[] headers() {
        Instant now = clock.instant();
        requests.refill(now);
        tokens.refill(now);
        return new String[] {
                "x-ratelimit-limit-requests", Long.toString(requests.capacity),
                "x-ratelimit-limit-tokens", Long.toString(tokens.capacity),
                "x-ratelimit-remaining-requests", Long.toString((long) Math.floor(requests.level)),
                "x-ratelimit-remaining-tokens", Long.toString((long) Math.floor(tokens.level)),
                "x-ratelimit-reset-requests", GoDuration.format(requests.timeUntil(requests.capacity)),
                "x-ratelimit-reset-tokens", GoDuration.format(tokens.timeUntil(tokens.capacity)),
        };
    }

    private static final class Bucket {
        final long capacity;
        double level;
        Instant refilledAt;

        Bucket(long capacity, Instant now) {
            this.capacity = capacity;
            fill(now);
        }

        void fill(Instant now) {
            level = capacity;
            refilledAt = now;
        }

        void refill(Instant now) {
            long elapsedNanos = Duration.between(refilledAt, now).toNanos();
            if (elapsedNanos <= 0) return;
            level = Math.min(capacity, level + capacity * (elapsedNanos / 60e9));
            refilledAt = now;
        }

        long used() {
            return capacity - (long) Math.floor(level);
        }

        Duration timeUntil(double target) {
            double missing = target - level;
            if (missing <= 0) return Duration.ZERO;
            return Duration.ofNanos((long) Math.ceil(missing / capacity * 60e9 / 1e6) * 1_000_000L);
        }
    }
}
