package dev.groqj.error;

import java.time.Duration;

/**
 * The client-side budget ({@code RateLimitConfig}) refused the call: nothing was sent. {@link #retryAfter()} says
 * when the budget will have room again, or null when unknown. Not an {@link ApiException}: Groq never answered.
 */
public class BudgetExceededException extends GroqException {
    private final Duration retryAfter;

    public BudgetExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the budget has room for this call, or null when unknown. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
