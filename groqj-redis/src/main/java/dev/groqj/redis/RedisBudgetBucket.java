package dev.groqj.redis;

import dev.groqj.internal.resilience.Bucket4jBudgetBucket;
import dev.groqj.internal.resilience.LocalRateLimitStore;
import dev.groqj.resilience.BudgetBucket;
import dev.groqj.resilience.RateLimitStore;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bucket of the shared budget: Bucket4j's bucket under one Redis key, refilled on the client's clock (replicas'
 * clocks agree within NTP's skew, a few ms of a minute's refill). When Redis cannot be reached, the store's policy
 * decides: a bucket of the same size in this JVM, or a {@link RedisUnavailableException}.
 */
final class RedisBudgetBucket implements BudgetBucket {
    /** An idle bucket's key lives until the bucket would be full again, plus this. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisRateLimitStore store;
    private final byte[] key;
    private final BucketConfiguration config;
    private final Clock clock;
    private final BudgetBucket local;
    /** The proxy manager of the store's current connection (a new connection gets a new one). */
    private final AtomicReference<Proxies> proxies = new AtomicReference<>();

    RedisBudgetBucket(RedisRateLimitStore store, byte[] key, long perMinute, Clock clock) {
        this.store = store;
        this.key = key;
        this.config = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        this.clock = clock;
        this.local = RateLimitStore.local().bucket(new String(key, java.nio.charset.StandardCharsets.UTF_8),
                perMinute, clock);
    }

    @Override
    public Duration reserve(long n, Duration maxWait) {
        return store.remote("taking from the budget", () -> remote().reserve(n, maxWait), () -> local.reserve(n, maxWait));
    }

    @Override
    public Duration timeUntil(long n) {
        return store.remote("reading the budget", () -> remote().timeUntil(n), () -> local.timeUntil(n));
    }

    @Override
    public void giveBack(long n) {
        correct(() -> remote().giveBack(n), () -> local.giveBack(n));
    }

    @Override
    public void take(long n) {
        correct(() -> remote().take(n), () -> local.take(n));
    }

    /** A correction after the call never fails it: while Redis is away it goes to the local bucket. */
    private void correct(Runnable remote, Runnable fallback) {
        try {
            store.remote("correcting the budget", () -> {
                remote.run();
                return null;
            }, () -> {
                fallback.run();
                return null;
            });
        } catch (RedisUnavailableException e) {
            fallback.run();
        }
    }

    private BudgetBucket remote() {
        StatefulRedisConnection<byte[], byte[]> connection = store.connection();
        Proxies p = proxies.get();
        if (p == null || p.connection != connection) {
            p = new Proxies(connection, Bucket4jLettuce.casBasedBuilder(connection)
                    // no Bucket4j requestTimeout: it is measured on this clock; Lettuce's command timeout bounds each
                    // command in real time
                    .clientClock(LocalRateLimitStore.timeMeter(clock))
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                    .build());
            proxies.set(p);
        }
        return new Bucket4jBudgetBucket(p.manager.builder().build(key, () -> config));
    }

    private record Proxies(StatefulRedisConnection<byte[], byte[]> connection, ProxyManager<byte[]> manager) {
    }
}
