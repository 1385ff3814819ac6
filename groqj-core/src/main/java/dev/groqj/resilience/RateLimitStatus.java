package dev.groqj.resilience;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Groq's rate-limit state as of the last response, from its {@code x-ratelimit-*} headers. A field is null
 * when no response has carried it yet. Resets are durations from {@link #updatedAt()}.
 *
 * <pre>{@code
 * RateLimitStatus s = client.rateLimitStatus();
 * if (s.isRateLimited()) log.warn("out of quota until {}", s.updatedAt().plus(s.requestsReset()));
 * }</pre>
 */
public record RateLimitStatus(Long requestsLimit, Long requestsRemaining, Duration requestsReset,
                              Long tokensLimit, Long tokensRemaining, Duration tokensReset,
                              Instant updatedAt) implements Serializable {
    public static final RateLimitStatus UNKNOWN = new RateLimitStatus(null, null, null, null, null, null, null);

    /** Whether, as of {@link #updatedAt()}, no requests or no tokens remained. */
    public boolean isRateLimited() {
        return Long.valueOf(0).equals(requestsRemaining) || Long.valueOf(0).equals(tokensRemaining);
    }
}
