package dev.groqj.resilience;

import java.time.Duration;
import java.time.Instant;

/**
 * Groq's rate-limit state as of the last response, from its {@code x-ratelimit-*} headers. A field is null
 * when no response has carried it yet. Resets are durations from {@link #updatedAt()}.
 */
public record RateLimitStatus(Long requestsLimit, Long requestsRemaining, Duration requestsReset,
                              Long tokensLimit, Long tokensRemaining, Duration tokensReset,
                              Instant updatedAt) {
    public static final RateLimitStatus UNKNOWN = new RateLimitStatus(null, null, null, null, null, null, null);
}
