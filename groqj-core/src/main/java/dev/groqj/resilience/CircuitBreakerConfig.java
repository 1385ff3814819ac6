package dev.groqj.resilience;

import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.time.Duration;

/**
 * The circuit breaker in front of Groq (the seed's {@code circuit_breaker_config}), built on Resilience4j.
 *
 * <pre>{@code
 * CircuitBreakerConfig cb = CircuitBreakerConfig.builder()
 *         .failureRateThreshold(50).slidingWindowSize(20).minimumNumberOfCalls(10)
 *         .waitDurationInOpenState(Duration.ofSeconds(30)).build();
 * }</pre>
 *
 * <p>It counts <b>calls, not attempts</b>: a call's outcome is recorded once, when it ends, after its retries.
 * Over the last {@link #slidingWindowSize()} calls (once at least {@link #minimumNumberOfCalls()} ended), when
 * {@link #failureRateThreshold()} percent or more failed on the server's side the circuit opens: calls fail with
 * {@code CircuitOpenException} without being sent, and a call whose retry finds it open ends with its last real
 * error. After {@link #waitDurationInOpenState()} it lets {@link #permittedNumberOfCallsInHalfOpenState()} probes
 * through, and closes or reopens on their outcome. Only server-side failures count ({@link #isServerFailure}):
 * 5xx, 498, network errors and timeouts. Any other answer, 4xx and 429 included, shows that Groq is up and counts
 * as a success. Failures of the client's own count as nothing: its call deadline running out, a client budget or
 * rate-limit wait refusal, cancellation, an upload source that cannot be read.
 *
 * <p><b>Why these defaults.</b> Retries already absorb scattered faults: with 3 retries, a storm where 26.7 % of
 * attempts fail (503, 429, connection resets) still ends with about 99 % of calls succeeding, so the breaker must
 * not step in. Counting attempts, the same defaults opened on the first unlucky window of ten attempts (a failed
 * attempt is usually followed by its own retry) and then refused the retries for 30 s: 148 of 500 calls succeeded.
 * Counting calls, a call fails only when all its attempts did, so the window stays far below 50 % in such a storm,
 * while a Groq that is really down (every attempt failing) opens the circuit after the first 10 calls. The 30 s
 * open state gives an outage time to clear without a stampede; three probes decide whether it did.
 */
public final class CircuitBreakerConfig {
    public static final CircuitBreakerConfig DEFAULT = builder().build();
    /** No breaker: every call goes through. */
    public static final CircuitBreakerConfig DISABLED = builder().enabled(false).build();

    private final boolean enabled;
    private final float failureRateThreshold;
    private final int slidingWindowSize;
    private final int minimumNumberOfCalls;
    private final Duration waitDurationInOpenState;
    private final int permittedNumberOfCallsInHalfOpenState;

    private CircuitBreakerConfig(Builder b) {
        this.enabled = b.enabled;
        this.failureRateThreshold = b.failureRateThreshold;
        this.slidingWindowSize = b.slidingWindowSize;
        this.minimumNumberOfCalls = b.minimumNumberOfCalls;
        this.waitDurationInOpenState = b.waitDurationInOpenState;
        this.permittedNumberOfCallsInHalfOpenState = b.permittedNumberOfCallsInHalfOpenState;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether there is a breaker at all; default true. */
    public boolean enabled() { return enabled; }
    /** Percent of calls in the window that failed on the server's side at which the circuit opens; default 50. */
    public float failureRateThreshold() { return failureRateThreshold; }
    /** Calls the failure rate is computed over (count-based window, a call's retries included in it); default 20. */
    public int slidingWindowSize() { return slidingWindowSize; }
    /** Calls that must have ended before the rate is judged at all; default 10. */
    public int minimumNumberOfCalls() { return minimumNumberOfCalls; }
    /** How long an open circuit rejects calls before it lets probes through; default 30 s. */
    public Duration waitDurationInOpenState() { return waitDurationInOpenState; }
    /** Probes let through when half-open; default 3. */
    public int permittedNumberOfCallsInHalfOpenState() { return permittedNumberOfCallsInHalfOpenState; }

    /** Whether {@code error} counts against the circuit: 5xx, 498, or no answer at all (network, timeout). */
    public static boolean isServerFailure(Throwable error) {
        if (error instanceof NetworkException) return true;
        if (!(error instanceof GroqException)) return false;
        int status = ((GroqException) error).statusCode();
        return status == 498 || status >= 500;
    }

    public Builder toBuilder() {
        return new Builder().enabled(enabled).failureRateThreshold(failureRateThreshold)
                .slidingWindowSize(slidingWindowSize).minimumNumberOfCalls(minimumNumberOfCalls)
                .waitDurationInOpenState(waitDurationInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedNumberOfCallsInHalfOpenState);
    }

    @Override
    public String toString() {
        return "CircuitBreakerConfig{enabled=" + enabled + ", failureRateThreshold=" + failureRateThreshold
                + ", slidingWindowSize=" + slidingWindowSize + ", minimumNumberOfCalls=" + minimumNumberOfCalls
                + ", waitDurationInOpenState=" + waitDurationInOpenState
                + ", permittedNumberOfCallsInHalfOpenState=" + permittedNumberOfCallsInHalfOpenState + '}';
    }

    public static final class Builder {
        private boolean enabled = true;
        private float failureRateThreshold = 50;
        private int slidingWindowSize = 20;
        private int minimumNumberOfCalls = 10;
        private Duration waitDurationInOpenState = Duration.ofSeconds(30);
        private int permittedNumberOfCallsInHalfOpenState = 3;

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder failureRateThreshold(float percent) {
            if (!(percent > 0 && percent <= 100)) {
                throw new ValidationException("failureRateThreshold", "must be in (0, 100], was " + percent);
            }
            this.failureRateThreshold = percent;
            return this;
        }

        public Builder slidingWindowSize(int calls) {
            this.slidingWindowSize = Checks.atLeast("slidingWindowSize", calls, 1);
            return this;
        }

        public Builder minimumNumberOfCalls(int calls) {
            this.minimumNumberOfCalls = Checks.atLeast("minimumNumberOfCalls", calls, 1);
            return this;
        }

        public Builder waitDurationInOpenState(Duration wait) {
            this.waitDurationInOpenState = Checks.positive("waitDurationInOpenState", wait);
            return this;
        }

        public Builder permittedNumberOfCallsInHalfOpenState(int calls) {
            this.permittedNumberOfCallsInHalfOpenState = Checks.atLeast("permittedNumberOfCallsInHalfOpenState", calls, 1);
            return this;
        }

        public CircuitBreakerConfig build() {
            return new CircuitBreakerConfig(this);
        }
    }
}
