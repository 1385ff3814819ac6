package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.HealthStatus;
import dev.groqj.resilience.RateLimitStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * UP when Groq answered the last health check (a models list, one attempt). Probes come often (Kubernetes:
 * every few seconds) and each check is a request against the key's quota, so a result is reused for
 * {@code groq.health.cache-for}; the rate-limit details come from the client's last response and cost nothing.
 */
public class GroqHealthIndicator implements HealthIndicator {
    private final GroqClient client;
    private final Duration cacheFor;
    private final Clock clock;
    private HealthStatus last;
    private Instant checkedAt;

    public GroqHealthIndicator(GroqClient client, Duration cacheFor) {
        this(client, cacheFor, Clock.systemUTC());
    }

    GroqHealthIndicator(GroqClient client, Duration cacheFor, Clock clock) {
        this.client = client;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Health health() {
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
        Health.Builder health = status.healthy() ? Health.up() : Health.down();
        health.withDetail("checkedAt", at.toString()).withDetail("latencyMs", status.latencyMs());
        if (status.message() != null) health.withDetail("error", status.message());
        RateLimitStatus limits = client.rateLimitStatus();
        health.withDetail("rateLimited", limits.isRateLimited());
        if (limits.requestsRemaining() != null) health.withDetail("requestsRemaining", limits.requestsRemaining());
        if (limits.tokensRemaining() != null) health.withDetail("tokensRemaining", limits.tokensRemaining());
        return health.build();
    }
}
