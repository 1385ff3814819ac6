package dev.groqj.resilience;

import dev.groqj.internal.resilience.LocalRateLimitStore;

import java.time.Clock;
import java.time.Instant;

/**
 * Where a client keeps the rate-limit state its decisions rest on: the buckets of its {@link RateLimitConfig}
 * budget, and what Groq's answers said about each model. {@link #local()}, the default, keeps both in the client;
 * {@code groqj-redis} keeps them in Redis, so that every replica of a service draws from one budget and hears what
 * any of them learned from Groq's headers or a 429.
 *
 * <pre>{@code
 * GroqClient client = GroqClient.builder().apiKey(key)
 *         .rateLimitConfig(RateLimitConfig.builder().requestsPerMinute(30).build())
 *         .rateLimitStore(myStore)
 *         .build();
 * }</pre>
 *
 * <p>Implementations are thread-safe. Methods that only share ({@link #learned}, {@link #retryAfter}) never throw;
 * {@link #shared} may throw a {@link dev.groqj.error.GroqException} when the store cannot be reached, which fails
 * the call unsent.
 */
public interface RateLimitStore {
    /** Keeps everything in the client: buckets in its memory, nothing shared. */
    static RateLimitStore local() {
        return LocalRateLimitStore.INSTANCE;
    }

    /**
     * The bucket {@code name} ({@code "requests"} or {@code "tokens"}) holding {@code perMinute}, refilled greedily
     * over a minute and full at first. Called once per bucket when a client is built.
     *
     * @param clock the client's clock, for stores that measure refills on it
     */
    BudgetBucket bucket(String name, long perMinute, Clock clock);

    /** An answer for {@code model} (null: a call that names none) carried this status. */
    default void learned(String model, RateLimitStatus status) {
    }

    /** A 429 for {@code model} asked every request to wait until {@code until}. */
    default void retryAfter(String model, Instant until) {
    }

    /** What other clients sharing this store learned about {@code model}, or null when nothing is shared. */
    default Shared shared(String model) {
        return null;
    }

    /**
     * What clients sharing a store learned about a model: the newest status (null when none) and the end of the
     * longest retry-after still running (null when none).
     */
    record Shared(RateLimitStatus status, Instant retryUntil) {
    }
}
