package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code groq} health indicator on Spring Boot 4 ({@code org.springframework.boot.health.contributor}); compiled
 * and run by groqj-spring-boot4-check only, as Boot 3 has no such types.
 */
class GroqHealthBoot4Test {
    private final ApplicationContextRunner runner = HealthProbes.runner();

    @Test
    void boot4HealthIsUpWithTheRateLimitDetailsAndProbesWithinTheCacheSendNothing() {
        runner.run(context -> {
            FakeGroqServer fake = context.getBean(FakeGroqServer.class);
            HealthIndicator health = context.getBean("groqHealthIndicator", HealthIndicator.class);
            for (int i = 0; i < 5; i++) assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(HealthProbes.modelListings(fake)).isEqualTo(1);
            assertThat(health.health().getDetails()).containsKeys("checkedAt", "latencyMs", "rateLimited",
                    "requestsRemaining", "tokensRemaining");
        });
    }

    @Test
    void boot4HealthIsDownWhenGroqFailsAndChecksAgainOnlyAfterTheCache() {
        runner.run(context -> {
            FakeGroqServer fake = context.getBean(FakeGroqServer.class);
            fake.enqueueStatuses(Endpoint.MODELS_LIST, 500);
            TestClock clock = TestClock.create();
            HealthIndicator health = GroqHealthAutoConfiguration.indicator(
                    new GroqHealthCheck(context.getBean(GroqClient.class), Duration.ofSeconds(30), clock));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            clock.advance(Duration.ofSeconds(29));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            clock.advance(Duration.ofSeconds(1));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(HealthProbes.modelListings(fake)).isEqualTo(2);
        });
    }

    @Test
    void boot4HealthCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.groq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("groqHealthIndicator"));
    }
}
