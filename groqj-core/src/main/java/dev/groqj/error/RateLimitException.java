package dev.groqj.error;

import dev.groqj.resilience.RateLimitStatus;

import java.time.Duration;

/**
 * HTTP 429, or ({@link #statusCode()} 0, nothing sent) a rate limit Groq announced that is still exhausted
 * for longer than {@code maxRetryAfter} or past the call's deadline. {@link #retryAfter()} says how long to wait
 * when known. The client's own budget refuses with {@link BudgetExceededException} instead.
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
