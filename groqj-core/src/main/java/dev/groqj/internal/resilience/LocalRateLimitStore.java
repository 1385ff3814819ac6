package dev.groqj.internal.resilience;

import dev.groqj.resilience.BudgetBucket;
import dev.groqj.resilience.RateLimitStore;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@link RateLimitStore#local()}: Bucket4j buckets in this JVM, read on the client's clock; nothing shared. */
public final class LocalRateLimitStore implements RateLimitStore {
    public static final LocalRateLimitStore INSTANCE = new LocalRateLimitStore();

    private LocalRateLimitStore() {
    }

    @Override
    public BudgetBucket bucket(String name, long perMinute, Clock clock) {
        return new Bucket4jBudgetBucket(Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(timeMeter(clock))
                .build());
    }

    /** Bucket4j's time source on {@code clock}, so that tests refill buckets by moving their clock. */
    public static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
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
    }

    @Override
    public String toString() {
        return "RateLimitStore.local()";
    }
}
