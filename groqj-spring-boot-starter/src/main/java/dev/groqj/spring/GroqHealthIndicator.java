package dev.groqj.spring;

import dev.groqj.GroqClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Clock;
import java.time.Duration;

/**
 * Spring Boot 3's {@code groq} health: UP when Groq answered the last health check (a models list, one attempt),
 * reused for {@code groq.health.cache-for} so that probes do not spend quota; rate-limit details from the client's
 * last response. On Boot 4, {@code GroqHealthAutoConfiguration} registers the same report.
 */
public class GroqHealthIndicator implements HealthIndicator {
    private final GroqHealthCheck check;

    public GroqHealthIndicator(GroqClient client, Duration cacheFor) {
        this(client, cacheFor, Clock.systemUTC());
    }

    GroqHealthIndicator(GroqClient client, Duration cacheFor, Clock clock) {
        this.check = new GroqHealthCheck(client, cacheFor, clock);
    }

    @Override
    public Health health() {
        GroqHealthCheck.Result result = check.check();
        return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    }
}
