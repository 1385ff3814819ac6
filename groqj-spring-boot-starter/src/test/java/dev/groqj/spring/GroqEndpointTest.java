package dev.groqj.spring;

import dev.groqj.GroqClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code groq} actuator endpoint; its types are where Boot 3 and Boot 4 both have them, so both run this. */
class GroqEndpointTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class, GroqActuatorAutoConfiguration.class))
            .withPropertyValues("groq.testkit.enabled=true", "management.endpoints.web.exposure.include=groq");

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
    @SuppressWarnings("unchecked")
    void theEndpointShowsTheRateLimitsOfEachModel() {
        runner.run(context -> {
            GroqEndpoint endpoint = context.getBean(GroqEndpoint.class);
            assertThat((Map<String, Object>) endpoint.rateLimits().get("models")).isEmpty();
            GroqClient client = context.getBean(GroqClient.class);
            client.chat().create(GroqAutoConfigurationTest.hello());
            client.chat().create(GroqAutoConfigurationTest.hello().toBuilder().model("llama-3.1-8b-instant").build());

            Map<String, Object> models = (Map<String, Object>) endpoint.rateLimits().get("models");

            assertThat(models).containsOnlyKeys(GroqAutoConfigurationTest.hello().model(), "llama-3.1-8b-instant");
            assertThat((Map<String, Object>) models.get("llama-3.1-8b-instant"))
                    .containsEntry("rateLimited", false).containsKeys("requestsRemaining", "tokensReset", "updatedAt");
        });
    }

    @Test
    void withoutActuatorOnlyTheClientIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasSingleBean(GroqClient.class)
                        .doesNotHaveBean(GroqEndpoint.class).doesNotHaveBean("groqHealthIndicator"));
    }
}
