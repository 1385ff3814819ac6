package dev.groqj.spring;

import dev.groqj.GroqClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The {@code groq} health indicator on Spring Boot 4, whose health types live in {@code spring-boot-health}
 * ({@code org.springframework.boot.health.contributor}): the same report as Boot 3's {@link GroqHealthIndicator},
 * which {@link GroqActuatorAutoConfiguration} registers there (this stays off on Boot 3).
 * {@code management.health.groq.enabled=false} turns it off.
 *
 * <p>Not public, and the indicator a lambda rather than a class: no class of this jar names Boot 4's types in its
 * public signatures or supertypes, so every class loads on Boot 3 (where the API check and scanning see them).
 */
@AutoConfiguration(after = GroqAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(GroqClient.class)
class GroqHealthAutoConfiguration {

    // no nested @Configuration: an application that scans this package would pick it up on Boot 3 as well
    @Bean
    @ConditionalOnMissingBean(name = "groqHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("groq")
    HealthIndicator groqHealthIndicator(GroqClient client, GroqProperties properties) {
        return indicator(new GroqHealthCheck(client, properties.getHealth().getCacheFor(), Clock.systemUTC()));
    }

    static HealthIndicator indicator(GroqHealthCheck check) {
        return () -> {
            GroqHealthCheck.Result result = check.check();
            return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
        };
    }
}
