package dev.groqj.resilience;

import java.time.Duration;

/**
 * One token bucket of a client-side budget ({@link RateLimitConfig}): {@code requests} or {@code tokens}, refilled
 * greedily over a minute. A {@link RateLimitStore} makes them; the client takes from them before each attempt.
 *
 * <pre>{@code
 * Duration due = bucket.reserve(1, Duration.ofSeconds(20)); // null: no room within 20 s, nothing taken
 * }</pre>
 *
 * <p>Implementations are thread-safe. {@link #giveBack} and {@link #take} are corrections after the fact and never
 * throw; {@link #reserve} and {@link #timeUntil} may throw a {@link dev.groqj.error.GroqException} when the
 * bucket cannot be reached, which fails the call unsent.
 */
public interface BudgetBucket {
    /**
     * Takes {@code n} now, or reserves them for later and says how long until they are due (zero: now).
     *
     * @return the wait before the reservation is due, or null when it would be later than {@code maxWait}; then
     *     nothing was taken
     */
    Duration reserve(long n, Duration maxWait);

    /** How long until {@code n} would be available, taking nothing. */
    Duration timeUntil(long n);

    /** Returns {@code n} that were taken but not used, never above the capacity. */
    void giveBack(long n);

    /** Takes {@code n} whatever remains (usage above the estimate); the bucket may go below zero. */
    void take(long n);
}
