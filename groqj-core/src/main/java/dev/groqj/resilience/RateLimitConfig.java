package dev.groqj.resilience;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;

import java.time.Duration;

/**
 * A client-side budget: at most so many requests and tokens per minute leave this client, whatever Groq
 * would allow. Useful to share a key between applications, or to stay under a limit without meeting 429s.
 *
 * <pre>{@code
 * RateLimitConfig budget = RateLimitConfig.builder()
 *         .requestsPerMinute(30).tokensPerMinute(6_000)
 *         .waitUpTo(Duration.ofSeconds(20))   // or .failFast()
 *         .build();
 * }</pre>
 *
 * <p>Both limits are token buckets (Bucket4j) that refill greedily over a minute, starting full. A call
 * takes one request and its estimated tokens before it is sent; once the answer's usage is known the
 * difference to the estimate is given back or taken. Every attempt of a call takes its share again, and
 * gets it back when the model never ran for it: the request and its tokens when it never reached Groq
 * (refused at connect, refused or cancelled before sending), the tokens when Groq answered with a 4xx such as
 * 429, or 498. In {@link Mode#WAIT} a call waits for room up to {@link #maxWait()}; in {@link Mode#FAIL_FAST},
 * or when the wait would be longer, it fails unsent with a {@code BudgetExceededException} whose
 * {@code retryAfter()} says when there will be room.
 */
public final class RateLimitConfig {
    /** What a call does when the budget has no room. */
    public enum Mode { WAIT, FAIL_FAST }

    private final long requestsPerMinute;
    private final long tokensPerMinute;
    private final Mode mode;
    private final Duration maxWait;

    private RateLimitConfig(Builder b) {
        this.requestsPerMinute = b.requestsPerMinute;
        this.tokensPerMinute = b.tokensPerMinute;
        this.mode = b.mode;
        this.maxWait = b.maxWait;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Requests per minute, or 0 for no request limit. */
    public long requestsPerMinute() { return requestsPerMinute; }
    /** Tokens (prompt + completion) per minute, or 0 for no token limit. */
    public long tokensPerMinute() { return tokensPerMinute; }
    /** {@link Mode#WAIT} (the default) or {@link Mode#FAIL_FAST}. */
    public Mode mode() { return mode; }
    /** The longest a call waits for room in {@link Mode#WAIT}; default 30 s. */
    public Duration maxWait() { return maxWait; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.requestsPerMinute = requestsPerMinute;
        b.tokensPerMinute = tokensPerMinute;
        b.mode = mode;
        b.maxWait = maxWait;
        return b;
    }

    @Override
    public String toString() {
        return "RateLimitConfig{requestsPerMinute=" + requestsPerMinute + ", tokensPerMinute=" + tokensPerMinute
                + ", mode=" + mode + ", maxWait=" + maxWait + '}';
    }

    public static final class Builder {
        private long requestsPerMinute;
        private long tokensPerMinute;
        private Mode mode = Mode.WAIT;
        private Duration maxWait = Duration.ofSeconds(30);

        private Builder() {
        }

        public Builder requestsPerMinute(long requestsPerMinute) {
            this.requestsPerMinute = Checks.atLeast("requestsPerMinute", requestsPerMinute, 1);
            return this;
        }

        public Builder tokensPerMinute(long tokensPerMinute) {
            this.tokensPerMinute = Checks.atLeast("tokensPerMinute", tokensPerMinute, 1);
            return this;
        }

        /** Wait for room, up to {@code maxWait}. */
        public Builder waitUpTo(Duration maxWait) {
            this.maxWait = Checks.notNegative("maxWait", maxWait);
            this.mode = Mode.WAIT;
            return this;
        }

        /** Fail at once when there is no room. */
        public Builder failFast() {
            this.mode = Mode.FAIL_FAST;
            this.maxWait = Duration.ZERO;
            return this;
        }

        public RateLimitConfig build() {
            if (requestsPerMinute == 0 && tokensPerMinute == 0) {
                throw new ValidationException("requestsPerMinute", "set requestsPerMinute, tokensPerMinute or both");
            }
            return new RateLimitConfig(this);
        }
    }
}
