package dev.groqj.redis;

import dev.groqj.error.ValidationException;
import dev.groqj.resilience.BudgetBucket;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.RateLimitStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link RateLimitStore} in Redis: every replica of a service that uses the same Redis and {@link
 * Builder#namespace namespace} draws from one client-side budget ({@link RateLimitConfig}: requests and tokens per
 * minute, Bucket4j buckets kept in Redis by compare-and-swap over Lettuce), and hears what any of them learned from
 * Groq: the last {@code x-ratelimit-*} status per model, and a 429's retry-after.
 *
 * <pre>{@code
 * RedisRateLimitStore redis = RedisRateLimitStore.builder("redis://redis.internal:6379")
 *         .namespace("orders-service")                        // replicas of one service share a namespace
 *         .whenUnreachable(RedisRateLimitStore.WhenUnreachable.FAIL_OPEN)
 *         .build();
 * GroqClient client = GroqClient.builder().apiKeyFromEnv()
 *         .rateLimitConfig(RateLimitConfig.builder().requestsPerMinute(30).tokensPerMinute(6_000).build())
 *         .rateLimitStore(redis)
 *         .build();
 * // on shutdown: client.close(); redis.close();
 * }</pre>
 *
 * <p><b>When Redis cannot be reached</b> (down, a timeout past {@link Builder#commandTimeout}), the policy decides:
 * {@link WhenUnreachable#FAIL_OPEN} (the default) logs one warning and takes from a budget of the same size in this
 * JVM until Redis answers again (so, while it is away, each replica allows the whole budget on its own), and
 * forgets what it cannot share; {@link WhenUnreachable#FAIL_CLOSED} fails each call unsent with a
 * {@link RedisUnavailableException}. Either way the store reconnects by itself (every
 * {@link Builder#reconnectEvery}) and logs when Redis is back. Corrections after a call (usage above or below the
 * estimate, a share given back) are never an error: while Redis is away they go to the local budget.
 *
 * <p>Thread-safe. One store serves any number of clients; {@link #close()} closes its connection.
 */
public final class RedisRateLimitStore implements RateLimitStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitStore.class);
    /** Sets KEYS[1] to ARGV[2] for ARGV[3] ms unless it holds a value whose leading number is at least ARGV[1]. */
    private static final String SET_IF_NEWER = "local cur = redis.call('GET', KEYS[1])\n"
            + "if cur then\n"
            + "  local bar = string.find(cur, '|', 1, true)\n"
            + "  local order = tonumber(bar and string.sub(cur, 1, bar - 1) or cur)\n"
            + "  if order and order >= tonumber(ARGV[1]) then return 0 end\n"
            + "end\n"
            + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])\n"
            + "return 1";
    private static final Duration MAX_STATUS_TTL = Duration.ofDays(1);

    /** What a call does when Redis cannot be reached. */
    public enum WhenUnreachable {
        /** Log a warning and use a budget in this JVM until Redis is back. */
        FAIL_OPEN,
        /** Fail the call unsent with a {@link RedisUnavailableException}. */
        FAIL_CLOSED
    }

    private final String where;
    private final String namespace;
    private final WhenUnreachable policy;
    private final Duration commandTimeout;
    private final Duration reconnectEvery;
    private final Clock clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile long nextConnectNanos;
    private volatile boolean unreachable;
    private volatile boolean closed;

    private RedisRateLimitStore(Builder b) {
        RedisURI uri = RedisURI.create(b.uri);
        uri.setTimeout(b.commandTimeout);
        this.where = uri.getHost() + ":" + uri.getPort(); // never the password
        this.namespace = b.namespace;
        this.policy = b.whenUnreachable;
        this.commandTimeout = b.commandTimeout;
        this.reconnectEvery = b.reconnectEvery;
        this.clock = b.clock;
        this.resources = ClientResources.builder().reconnectDelay(Delay.constant(b.reconnectEvery)).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while disconnected a command fails at once: the policy decides, no call queues behind Redis
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(b.commandTimeout))
                // a first connect also loads and starts Netty: give it more than a command
                .socketOptions(SocketOptions.builder().connectTimeout(b.commandTimeout.multipliedBy(4)).build())
                .build());
    }

    /**
     * A builder for the Redis at {@code redisUri}, e.g. {@code redis://localhost:6379} or
     * {@code rediss://:password@host:6380/0}.
     *
     * @param redisUri Lettuce's Redis URI
     * @return a builder
     */
    public static Builder builder(String redisUri) {
        return new Builder(redisUri);
    }

    @Override
    public BudgetBucket bucket(String name, long perMinute, Clock clock) {
        return new RedisBudgetBucket(this, key("bucket:" + name), perMinute, clock);
    }

    @Override
    public void learned(String model, RateLimitStatus status) {
        if (status.updatedAt() == null) return;
        Duration ttl = longest(status.requestsReset(), status.tokensReset());
        setIfNewer("status:", model, micros(status.updatedAt()), StatusCodec.encode(status), ttl);
    }

    @Override
    public void retryAfter(String model, Instant until) {
        Duration ttl = Duration.between(clock.instant(), until);
        setIfNewer("retry:", model, micros(until), Long.toString(micros(until)), ttl);
    }

    @Override
    public Shared shared(String model) {
        byte[] status = key("status:" + modelKey(model));
        byte[] retry = key("retry:" + modelKey(model));
        return remote("reading what replicas learned", () -> {
            List<KeyValue<byte[], byte[]>> values = connection().sync().mget(status, retry);
            RateLimitStatus s = values.get(0).hasValue() ? StatusCodec.decode(text(values.get(0).getValue())) : null;
            Instant until = values.get(1).hasValue() ? fromMicros(Long.parseLong(text(values.get(1).getValue()))) : null;
            return s == null && until == null ? null : new Shared(s, until);
        }, () -> null);
    }

    /** Whether the store has a connection to Redis now (Lettuce reconnects a lost one by itself). */
    public boolean isConnected() {
        StatefulRedisConnection<byte[], byte[]> c = connection;
        return c != null && c.isOpen();
    }

    /** The policy when Redis cannot be reached. */
    public WhenUnreachable whenUnreachable() {
        return policy;
    }

    /** Closes the connection to Redis; clients that use the store fail or fall back (per the policy) afterwards. */
    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<byte[], byte[]> c = connection;
        if (c != null) c.close();
        client.shutdown(Duration.ZERO, commandTimeout);
        resources.shutdown(0, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "RedisRateLimitStore{" + where + ", namespace=" + namespace + ", " + policy + '}';
    }

    /**
     * Runs {@code op} against Redis; when Redis cannot be reached, warns once per outage and runs {@code local}
     * (fail-open) or throws a {@link RedisUnavailableException} (fail-closed).
     */
    <T> T remote(String what, Supplier<T> op, Supplier<T> local) {
        try {
            T result = op.get();
            if (unreachable) {
                unreachable = false;
                LOG.info("Redis at {} is reachable again: the budget is shared again", where);
            }
            return result;
        } catch (RuntimeException e) {
            if (!unreachable) {
                unreachable = true;
                LOG.warn("Redis at {} cannot be reached ({}): {}", where, what, policy == WhenUnreachable.FAIL_OPEN
                        ? "using a budget in this JVM until it is back" : "calls fail until it is back", e.toString());
            }
            if (policy == WhenUnreachable.FAIL_OPEN) return local.get();
            throw new RedisUnavailableException("Redis at " + where + " cannot be reached (" + what + "): " + e, e);
        }
    }

    /** The connection, made now when there is none; between failed tries, waits {@link Builder#reconnectEvery}. */
    StatefulRedisConnection<byte[], byte[]> connection() {
        StatefulRedisConnection<byte[], byte[]> c = connection;
        if (c != null) return c;
        if (closed) throw new IllegalStateException("the store is closed");
        if (System.nanoTime() - nextConnectNanos < 0) throw new IllegalStateException("not connected; retrying soon");
        if (!connecting.tryLock()) throw new IllegalStateException("connecting"); // another thread is: do not queue
        try {
            if (connection == null) {
                nextConnectNanos = System.nanoTime() + reconnectEvery.toNanos();
                connection = client.connect(ByteArrayCodec.INSTANCE);
                LOG.info("connected to Redis at {}", where);
            }
            return connection;
        } finally {
            connecting.unlock();
        }
    }

    private void setIfNewer(String kind, String model, long order, String value, Duration ttl) {
        long ms = Math.max(1, Math.min(ttl.toMillis(), MAX_STATUS_TTL.toMillis()));
        byte[][] keys = {key(kind + modelKey(model))};
        try {
            connection().async().eval(SET_IF_NEWER, ScriptOutputType.INTEGER, keys, bytes(Long.toString(order)),
                    bytes(value), bytes(Long.toString(ms)))
                    .exceptionally(e -> {
                        LOG.debug("could not share {} of {} in Redis at {}: {}", kind, model, where, e.toString());
                        return null;
                    });
        } catch (RuntimeException e) { // sharing is best effort: the local state still holds
            LOG.debug("could not share {} of {} in Redis at {}: {}", kind, model, where, e.toString());
        }
    }

    byte[] key(String suffix) {
        return bytes("groqj:" + namespace + ":" + suffix);
    }

    private static String modelKey(String model) {
        return model == null ? "-" : model;
    }

    private static Duration longest(Duration a, Duration b) {
        Duration x = a == null ? Duration.ZERO : a;
        Duration y = b == null ? Duration.ZERO : b;
        return x.compareTo(y) >= 0 ? x : y;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Configures a {@link RedisRateLimitStore}. */
    public static final class Builder {
        private final String uri;
        private String namespace = "default";
        private WhenUnreachable whenUnreachable = WhenUnreachable.FAIL_OPEN;
        private Duration commandTimeout = Duration.ofMillis(500);
        private Duration reconnectEvery = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "redisUri == null");
        }

        /**
         * The name clients share a budget under (keys {@code groqj:NAMESPACE:*}); {@code "default"} by default. Use
         * one per API key or per service whose replicas should share.
         *
         * @param namespace letters, digits, {@code -}, {@code _} or {@code .}
         * @return this builder
         */
        public Builder namespace(String namespace) {
            Objects.requireNonNull(namespace, "namespace == null");
            if (!namespace.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new ValidationException("namespace", "1 to 100 letters, digits, '.', '_' or '-': " + namespace);
            }
            this.namespace = namespace;
            return this;
        }

        /**
         * What a call does when Redis cannot be reached; {@link WhenUnreachable#FAIL_OPEN} by default.
         *
         * @param whenUnreachable the policy
         * @return this builder
         */
        public Builder whenUnreachable(WhenUnreachable whenUnreachable) {
            this.whenUnreachable = Objects.requireNonNull(whenUnreachable, "whenUnreachable == null");
            return this;
        }

        /**
         * The longest a Redis command may take before Redis counts as unreachable (a connect, four times that); 500 ms
         * by default.
         *
         * @param commandTimeout positive
         * @return this builder
         */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive("commandTimeout", commandTimeout);
            return this;
        }

        /**
         * How often a lost or never-made connection is tried again; 1 s by default.
         *
         * @param reconnectEvery positive
         * @return this builder
         */
        public Builder reconnectEvery(Duration reconnectEvery) {
            this.reconnectEvery = positive("reconnectEvery", reconnectEvery);
            return this;
        }

        /**
         * The clock the clients run on, on which a shared retry-after's end is measured; the system clock by default.
         *
         * @param clock the clients' clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * The store; it connects on first use, so Redis need not be up yet.
         *
         * @return the store
         */
        public RedisRateLimitStore build() {
            return new RedisRateLimitStore(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) throw new ValidationException(name, "must be positive: " + d);
            return d;
        }
    }
}
