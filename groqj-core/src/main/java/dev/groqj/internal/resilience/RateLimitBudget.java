package dev.groqj.internal.resilience;

import dev.groqj.resilience.RateLimitConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The client-side budget of a {@link RateLimitConfig}: two Bucket4j buckets, time read from the injected clock. */
final class RateLimitBudget {
    private final RateLimitConfig config;
    private final Bucket requests;
    private final Bucket tokens;

    RateLimitBudget(RateLimitConfig config, Clock clock) {
        this.config = config;
        TimeMeter meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.requests = perMinute(config.requestsPerMinute(), meter);
        this.tokens = perMinute(config.tokensPerMinute(), meter);
    }

    private static Bucket perMinute(long capacity, TimeMeter meter) {
        if (capacity == 0) return null;
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
                .withCustomTimePrecision(meter)
                .build();
    }

    /**
     * Takes one request and {@code estimatedTokens}, reserving future room when allowed to wait. A granted
     * call must wait {@link Grant#delay()} before sending; a refused one took nothing, and {@link Grant#delay()}
     * says when there would be room (null: never, the estimate exceeds the whole budget).
     */
    Grant acquire(long estimatedTokens) {
        long maxWait = config.maxWait().toNanos();
        if (tokens != null && estimatedTokens > config.tokensPerMinute()) {
            return new Grant(false, null);
        }
        long requestWait = reserve(requests, 1, maxWait);
        if (requestWait < 0) {
            return new Grant(false, Duration.ofNanos(requests.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        long tokenWait = reserve(tokens, estimatedTokens, maxWait);
        if (tokenWait < 0) {
            if (requests != null) requests.addTokens(1);
            return new Grant(false,
                    Duration.ofNanos(tokens.estimateAbilityToConsume(estimatedTokens).getNanosToWaitForRefill()));
        }
        return new Grant(true, Duration.ofNanos(Math.max(requestWait, tokenWait)));
    }

    /** The call used {@code actual} tokens where {@code estimated} were taken: give back or take the difference. */
    void correct(long estimated, long actual) {
        if (tokens == null || actual == estimated) return;
        if (actual > estimated) {
            tokens.consumeIgnoringRateLimits(actual - estimated);
        } else {
            tokens.addTokens(estimated - actual);
        }
    }

    /** An attempt's share was not used: give back its tokens, and its request too when {@code request}. */
    void giveBack(long estimatedTokens, boolean request) {
        if (tokens != null && estimatedTokens > 0) tokens.addTokens(estimatedTokens);
        if (requests != null && request) requests.addTokens(1);
    }

    /**
     * Consumes {@code n} now or reserves it for later, and returns the nanos until the reservation is due;
     * -1 when that would be later than {@code maxWaitNanos}. Bucket4j's blocking API makes the reservation
     * and then asks its strategy to park: ours only notes the time, so the caller can sleep or schedule it.
     */
    private static long reserve(Bucket bucket, long n, long maxWaitNanos) {
        if (bucket == null || n == 0) return 0;
        if (maxWaitNanos == 0) return bucket.tryConsume(n) ? 0 : -1; // Bucket4j's blocking API needs a positive wait
        long[] due = {0};
        boolean reserved = bucket.asBlocking().tryConsumeUninterruptibly(n, maxWaitNanos, nanos -> due[0] = nanos);
        return reserved ? due[0] : -1;
    }

    record Grant(boolean granted, Duration delay) {
    }
}
