package dev.groqj.error;

import dev.groqj.resilience.RateLimitStatus;

import java.time.Duration;

/**
 * HTTP 429, or a client-side budget that would be exceeded ({@link #statusCode()} 0 then).
 * {@link #retryAfter()} says how long to wait when known.
 */
public class RateLimitException extends ApiException {
    private final Duration retryAfter;
    private final RateLimitStatus rateLimitStatus;

    public RateLimitException(ErrorDetails details, Duration retryAfter, RateLimitStatus rateLimitStatus) {
        super(details);
        this.retryAfter = retryAfter;
        this.rateLimitStatus = rateLimitStatus;
    }

    /** From {@code retry-after-ms} or {@code retry-after}, or null when the answer gave neither. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The rate-limit status when this happened. */
    public RateLimitStatus rateLimitStatus() {
        return rateLimitStatus;
    }

    @Override
    public boolean isRetryable() {
        return statusCode() != 0 && super.isRetryable();
    }
}
