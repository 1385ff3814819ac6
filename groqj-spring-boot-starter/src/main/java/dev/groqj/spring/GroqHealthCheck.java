package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.HealthStatus;
import dev.groqj.resilience.RateLimitStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What both health indicators report, Boot 3's ({@link GroqHealthIndicator}) and Boot 4's
 * ({@link GroqHealthAutoConfiguration}), which differ only in the package of Spring's health types. Probes come
 * often (Kubernetes: every few seconds) and each check is a request against the key's quota, so a result is reused
 * for {@code groq.health.cache-for}; the rate-limit details come from the client's last response and cost nothing.
 */
final class GroqHealthCheck {
    private final GroqClient client;
    private final Duration cacheFor;
    private final Clock clock;
    private HealthStatus last;
    private Instant checkedAt;

    GroqHealthCheck(GroqClient client, Duration cacheFor, Clock clock) {
        this.client = client;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** Whether Groq answered the last check (made now when the cached one is older than {@code cacheFor}), and details. */
    Result check() {
        Instant at;
        HealthStatus status;
        synchronized (this) {
            Instant now = clock.instant();
            if (last == null || !now.isBefore(checkedAt.plus(cacheFor))) {
                last = client.healthCheck();
                checkedAt = now;
            }
            status = last;
            at = checkedAt;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", at.toString());
        details.put("latencyMs", status.latencyMs());
        if (status.message() != null) details.put("error", status.message());
        RateLimitStatus limits = client.rateLimitStatus();
        details.put("rateLimited", limits.isRateLimited());
        if (limits.requestsRemaining() != null) details.put("requestsRemaining", limits.requestsRemaining());
        if (limits.tokensRemaining() != null) details.put("tokensRemaining", limits.tokensRemaining());
        return new Result(status.healthy(), details);
    }

    record Result(boolean up, Map<String, Object> details) {
    }
}
