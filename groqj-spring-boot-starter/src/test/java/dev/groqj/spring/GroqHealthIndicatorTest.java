package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot 3 Actuator health types (Boot 4 moved them), so only the baseline runs it: see groqj-spring-boot4-check. */
class GroqHealthIndicatorTest {
    private final ApplicationContextRunner runner = HealthProbes.runner();

    @Test
    void healthIsUpAndProbesWithinTheCacheSendNothing() {
        runner.run(context -> {
            FakeGroqServer fake = context.getBean(FakeGroqServer.class);
            // Boot 3's: Boot 4's auto-configuration stays off without spring-boot-health
            GroqHealthIndicator health = context.getBean("groqHealthIndicator", GroqHealthIndicator.class);
            for (int i = 0; i < 5; i++) assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(HealthProbes.modelListings(fake)).isEqualTo(1);
        });
    }

    @Test
    void healthIsDownWhenGroqFailsAndChecksAgainOnlyAfterTheCache() {
        runner.run(context -> {
            FakeGroqServer fake = context.getBean(FakeGroqServer.class);
            fake.enqueueStatuses(Endpoint.MODELS_LIST, 500);
            MutableClock clock = new MutableClock();
            GroqHealthIndicator health = new GroqHealthIndicator(
                    context.getBean(GroqClient.class), Duration.ofSeconds(30), clock);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            clock.advance(Duration.ofSeconds(29));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(HealthProbes.modelListings(fake)).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(HealthProbes.modelListings(fake)).isEqualTo(2);
        });
    }

    @Test
    void healthCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.groq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("groqHealthIndicator"));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public Instant instant() { return now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }
}
