package dev.groqj.observability;

/** Why a call waited before sending, as reported to {@link GroqListener#rateLimitWait}. */
public enum WaitReason {
    /** Groq said no requests remain ({@code x-ratelimit-remaining-requests: 0}) until the reset. */
    REQUESTS_EXHAUSTED,
    /** Groq said no tokens remain ({@code x-ratelimit-remaining-tokens: 0}) until the reset. */
    TOKENS_EXHAUSTED,
    /** Fewer than 10 % of the request limit remain: the proactive throttle slows down. */
    REQUESTS_THROTTLED,
    /** Fewer than 10 % of the token limit remain: the proactive throttle slows down. */
    TOKENS_THROTTLED,
    /** A 429's {@code retry-after} holds every call back until it has passed. */
    RETRY_AFTER,
    /** The client-side budget ({@code RateLimitConfig}) has no room yet. */
    CLIENT_BUDGET
}
