package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health and the endpoint: Boot 3 Actuator types, so only the baseline runs it (see groqj-spring-boot4-check). */
class GroqActuatorAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqActuatorAutoConfiguration.class))
            .withPropertyValues("groq.testkit.enabled=true", "management.endpoints.web.exposure.include=groq");

    private static long modelListings(FakeGroqServer fake) {
        return fake.requests().stream().filter(r -> r.path().endsWith("/models")).count();
    }

    @Test
    void healthIsUpAndProbesWithinTheCacheSendNothing() {
        runner.run(context -> {
            FakeGroqServer fake = context.getBean(FakeGroqServer.class);
            GroqHealthIndicator health = context.getBean("groqHealthIndicator", GroqHealthIndicator.class);
            for (int i = 0; i < 5; i++) assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(modelListings(fake)).isEqualTo(1);
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
            assertThat(modelListings(fake)).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(modelListings(fake)).isEqualTo(2);
        });
    }

    @Test
    void healthCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.groq.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("groqHealthIndicator"));
    }

    @Test
    void theEndpointShowsTheRateLimitsOfTheLastResponse() {
        runner.run(context -> {
            GroqEndpoint endpoint = context.getBean(GroqEndpoint.class);
            assertThat(endpoint.rateLimits()).containsEntry("rateLimited", false).doesNotContainKey("requestsRemaining");
            context.getBean(GroqClient.class).chat().create(GroqAutoConfigurationTest.hello());
            Map<String, Object> limits = endpoint.rateLimits();
            assertThat(limits).containsKeys("requestsLimit", "requestsRemaining", "tokensRemaining", "updatedAt");
            assertThat((Long) limits.get("requestsRemaining")).isLessThan((Long) limits.get("requestsLimit"));
        });
    }

    @Test
    void withoutActuatorOnlyTheClientIsConfigured() {
        runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
                        "org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasSingleBean(GroqClient.class)
                        .doesNotHaveBean(GroqEndpoint.class).doesNotHaveBean(GroqHealthIndicator.class));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) { now = now.plus(d); }
        @Override public Instant instant() { return now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }
}
