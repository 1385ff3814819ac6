package dev.groqj.resilience;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.time.Duration;

/**
 * When and how long to wait before sending a failed request again.
 *
 * <pre>{@code
 * RetryConfig retry = RetryConfig.builder().maxRetries(5).maxBackoff(Duration.ofSeconds(20)).build();
 * }</pre>
 *
 * <p>Which errors are retried is {@code GroqException.isRetryable()}'s decision. The delay before retry
 * {@code n} (1 for the first retry) is, in order of precedence:
 * <ol>
 *   <li>the server's {@code retry-after-ms}, else its {@code retry-after} (seconds or HTTP date) — taken
 *       exactly; above {@link #maxRetryAfter()} the call fails with that error at once instead of hanging;</li>
 *   <li>else backoff with jitter: {@code min(maxBackoff, initialBackoff * multiplier^(n-1)) * (1 - jitter * r)}
 *       with {@code r} uniform in [0, 1). Defaults: 500 ms, 1 s, 2 s, 4 s, 8 s, 8 s… each shortened by up
 *       to 25 %, so clients that failed together do not retry together.</li>
 * </ol>
 * {@link #deadline()} bounds a whole call — every attempt, every wait and the reading of the answer, streams
 * included: no retry or wait starts that would end after it. By default 10 minutes, so that no call, however
 * slowly a server drips its answer, is held for ever; {@code deadline(null)} removes the bound.
 */
public final class RetryConfig {
    /** Declared before {@link #DEFAULT}, which reads it while it is built. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);
    public static final RetryConfig DEFAULT = builder().build();

    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Duration deadline;

    private RetryConfig(Builder b) {
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.deadline = b.deadline;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Retries after the first attempt; default 3 (so at most 4 attempts). */
    public int maxRetries() { return maxRetries; }
    /** Backoff before the first retry; default 500 ms. */
    public Duration initialBackoff() { return initialBackoff; }
    /** Longest backoff; default 8 s. */
    public Duration maxBackoff() { return maxBackoff; }
    /** Growth of the backoff per retry; default 2. */
    public double multiplier() { return multiplier; }
    /** Largest fraction randomly taken off a backoff, 0 to 1; default 0.25. */
    public double jitter() { return jitter; }
    /** Longest server-imposed wait accepted (retry-after, an exhausted rate limit); default 60 s. */
    public Duration maxRetryAfter() { return maxRetryAfter; }
    /** Bound on a whole call, all attempts and waits together, or null for none (the default). */
    public Duration deadline() { return deadline; }

    /**
     * The backoff before retry {@code retry} (1-based) for a random draw {@code r} in [0, 1): the formula above,
     * public so that a test or a dashboard can show what a configuration does.
     */
    public Duration backoff(int retry, double r) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(maxBackoff.toNanos(), base);
        return Duration.ofNanos((long) (capped * (1 - jitter * r)));
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.multiplier = multiplier;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.deadline = deadline;
        return b;
    }

    @Override
    public String toString() {
        return "RetryConfig{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter="
                + maxRetryAfter + ", deadline=" + deadline + '}';
    }

    public static final class Builder {
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double multiplier = 2;
        private double jitter = 0.25;
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration deadline = DEFAULT_DEADLINE;

        private Builder() {
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Checks.atLeast("maxRetries", maxRetries, 0);
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Checks.notNegative("initialBackoff", initialBackoff);
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Checks.notNegative("maxBackoff", maxBackoff);
            return this;
        }

        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1)) throw new ValidationException("multiplier", "must be >= 1, was " + multiplier);
            this.multiplier = multiplier;
            return this;
        }

        public Builder jitter(double jitter) {
            this.jitter = Checks.between("jitter", jitter, 0, 1);
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Checks.notNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /** Bounds the whole call (default 10 minutes); null removes the bound. */
        public Builder deadline(Duration deadline) {
            this.deadline = deadline == null ? null : Checks.positive("deadline", deadline);
            return this;
        }

        public RetryConfig build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new ValidationException("maxBackoff", "must be >= initialBackoff " + initialBackoff
                        + ", was " + maxBackoff);
            }
            return new RetryConfig(this);
        }
    }
}
