package dev.groqj.observability;

/**
 * Why a call waited before sending, as reported to {@link GroqListener#rateLimitWait}. Groq's requests are counted per
 * day: a call never waits for them, it fails at once when the day's are used up.
 */
public enum WaitReason {
    /**
     * Groq's tokens per minute ({@code x-ratelimit-remaining-tokens}) have no room for the call's estimate: it waits
     * until enough has refilled, at most until the reset.
     */
    TOKENS_EXHAUSTED,
    /** Fewer than 10 % of the token limit remain: the proactive throttle slows down. */
    TOKENS_THROTTLED,
    /** A 429's {@code retry-after} holds every call for its model back until it has passed. */
    RETRY_AFTER,
    /** The client-side budget ({@code RateLimitConfig}) has no room yet. */
    CLIENT_BUDGET
}
