package dev.groqj.internal.resilience;

import dev.groqj.resilience.BudgetBucket;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link BudgetBucket} over any Bucket4j bucket: a local one, or a proxy of one kept elsewhere (groqj-redis
 * passes a Redis-backed proxy; module-info exports this package to it alone).
 */
public final class Bucket4jBudgetBucket implements BudgetBucket {
    private final Bucket bucket;

    public Bucket4jBudgetBucket(Bucket bucket) {
        this.bucket = Objects.requireNonNull(bucket, "bucket == null");
    }

    /**
     * Bucket4j's blocking API makes the reservation and then asks its strategy to park: ours only notes the time,
     * so the caller can sleep or schedule it.
     */
    @Override
    public Duration reserve(long n, Duration maxWait) {
        if (n == 0) return Duration.ZERO;
        if (maxWait.isZero()) return bucket.tryConsume(n) ? Duration.ZERO : null; // the blocking API needs a wait > 0
        long[] due = {0};
        boolean reserved = bucket.asBlocking().tryConsumeUninterruptibly(n, maxWait.toNanos(), nanos -> due[0] = nanos);
        return reserved ? Duration.ofNanos(due[0]) : null;
    }

    @Override
    public Duration timeUntil(long n) {
        return Duration.ofNanos(bucket.estimateAbilityToConsume(n).getNanosToWaitForRefill());
    }

    @Override
    public void giveBack(long n) {
        if (n > 0) bucket.addTokens(n);
    }

    @Override
    public void take(long n) {
        if (n > 0) bucket.consumeIgnoringRateLimits(n);
    }
}
