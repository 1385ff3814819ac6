package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.GroqConfig;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.GroqException;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.transport.ApacheHttpTransport;
import dev.groqj.transport.HttpRequest;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core auto-configuration; it uses no Actuator type, so groqj-spring-boot4-check runs it on Boot 4 too. */
class GroqAutoConfigurationTest {
    private static final String KEY = "groq.api-key=gsk_test_0123456789";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class));

    static ChatRequest hello() {
        return ChatRequest.builder().model("llama-3.3-70b-versatile").addMessage(Message.user("hello")).build();
    }

    @Test
    void propertiesReachTheClient() {
        runner.withPropertyValues(KEY, "groq.base-url=http://127.0.0.1:9/openai/v1", "groq.timeout=5s",
                        "groq.read-timeout=7s", "groq.connect-timeout=2s", "groq.max-retries=1", "groq.deadline=20s",
                        "groq.max-response-bytes=1000", "groq.rate-limit.requests-per-minute=30",
                        "groq.rate-limit.tokens-per-minute=6000", "groq.rate-limit.fail-fast=true",
                        "groq.circuit-breaker.failure-rate-threshold=25", "groq.circuit-breaker.sliding-window-size=40",
                        "groq.circuit-breaker.minimum-number-of-calls=8",
                        "groq.circuit-breaker.wait-duration-in-open-state=15s")
                .run(context -> {
                    GroqConfig config = context.getBean(GroqClient.class).config();
                    assertThat(config.apiKey().reveal()).isEqualTo("gsk_test_0123456789");
                    assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:9/openai/v1");
                    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(config.maxRetries()).isEqualTo(1);
                    assertThat(config.retryConfig().deadline()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(config.maxResponseBytes()).isEqualTo(1000);
                    RateLimitConfig budget = config.rateLimitConfig();
                    assertThat(budget.requestsPerMinute()).isEqualTo(30);
                    assertThat(budget.tokensPerMinute()).isEqualTo(6000);
                    assertThat(budget.mode()).isEqualTo(RateLimitConfig.Mode.FAIL_FAST);
                    assertThat(config.circuitBreakerConfig().enabled()).isTrue();
                    assertThat(config.circuitBreakerConfig().failureRateThreshold()).isEqualTo(25f);
                    assertThat(config.circuitBreakerConfig().slidingWindowSize()).isEqualTo(40);
                    assertThat(config.circuitBreakerConfig().minimumNumberOfCalls()).isEqualTo(8);
                    assertThat(config.circuitBreakerConfig().waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(15));
                });
    }

    @Test
    void unsetPropertiesKeepTheClientDefaults() {
        runner.withPropertyValues(KEY, "groq.circuit-breaker.enabled=false").run(context -> {
            GroqConfig config = context.getBean(GroqClient.class).config();
            assertThat(config.baseUrl()).isEqualTo(GroqConfig.DEFAULT_BASE_URL);
            assertThat(config.timeout()).isEqualTo(GroqConfig.DEFAULT_TIMEOUT);
            assertThat(config.maxRetries()).isEqualTo(3);
            assertThat(config.rateLimitConfig()).isNull();
            assertThat(config.circuitBreakerConfig().enabled()).isFalse();
        });
    }

    @Test
    void aMissingApiKeyFailsNamingTheProperty() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("groq.api-key is required"));
    }

    @Test
    void anInvalidValueFailsNamingTheProperty() {
        runner.withPropertyValues(KEY, "groq.base-url=http://example.com/openai/v1").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("groq.base-url is invalid"));
    }

    @Test
    void aNestedInvalidValueFailsNamingTheProperty() {
        runner.withPropertyValues(KEY, "groq.circuit-breaker.failure-rate-threshold=150").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("groq.circuit-breaker.failure-rate-threshold is invalid"));
    }

    @Test
    void aTokenBudgetAloneHasNoRequestLimit() {
        runner.withPropertyValues(KEY, "groq.rate-limit.tokens-per-minute=6000").run(context -> {
            RateLimitConfig budget = context.getBean(GroqClient.class).config().rateLimitConfig();
            assertThat(budget.requestsPerMinute()).isZero();
            assertThat(budget.tokensPerMinute()).isEqualTo(6000);
            assertThat(budget.mode()).isEqualTo(RateLimitConfig.Mode.WAIT);
        });
    }

    @Test
    void customizersChangeTheBuilder() {
        runner.withPropertyValues(KEY, "groq.timeout=5s")
                .withBean(GroqClientBuilderCustomizer.class, () -> b -> b.timeout(Duration.ofSeconds(42)))
                .run(context -> assertThat(context.getBean(GroqClient.class).config().timeout())
                        .isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void anApplicationsOwnClientWins() {
        runner.withBean(GroqClient.class, () -> GroqClient.builder().apiKey("gsk_own").build())
                .run(context -> assertThat(context.getBean(GroqClient.class).config().apiKey().reveal())
                        .isEqualTo("gsk_own"));
    }

    @Test
    void theClientIsClosedWithTheContext() {
        runner.withPropertyValues("groq.testkit.enabled=true").run(context -> {
            GroqClient client = context.getBean(GroqClient.class);
            context.close();
            assertThatThrownBy(() -> client.models().list()).isInstanceOf(GroqException.class);
        });
    }

    @Test
    void testModeAnswersFromAFakeServerStoppedWithTheContext() {
        runner.withPropertyValues("groq.testkit.enabled=true", "groq.base-url=https://api.groq.com/openai/v1")
                .run(context -> {
                    FakeGroqServer fake = context.getBean(FakeGroqServer.class);
                    GroqClient client = context.getBean(GroqClient.class);
                    assertThat(client.config().baseUrl()).isEqualTo(fake.baseUrl());
                    assertThat(client.chat().create(hello()).choices().get(0).message().content())
                            .isEqualTo("You said: hello");
                    int port = fake.port();
                    context.close();
                    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
                });
    }

    @Test
    void transportApacheSendsOverAnApacheTransportClosedWithTheContext() {
        runner.withPropertyValues("groq.testkit.enabled=true", "groq.transport=apache", "groq.connect-timeout=3s")
                .run(context -> {
                    ApacheHttpTransport transport = context.getBean(ApacheHttpTransport.class);
                    GroqClient client = context.getBean(GroqClient.class);
                    assertThat(client.chat().create(hello()).choices().get(0).message().content())
                            .isEqualTo("You said: hello");
                    context.close();
                    // the client does not close a transport it was given: the context did
                    assertThatThrownBy(() -> transport.send(HttpRequest.builder().method("GET")
                            .uri(URI.create(client.config().baseUrl() + "/models")).build()))
                            .isInstanceOf(GroqException.class).hasMessageContaining("closed");
                });
    }

    @Test
    void transportApacheWithoutHttpClient5NamesTheProperty() {
        runner.withPropertyValues("groq.testkit.enabled=true", "groq.transport=apache")
                .withClassLoader(new FilteredClassLoader("org.apache.hc"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("groq.transport=apache").hasMessageContaining("httpclient5"));
    }

    @Test
    void theDefaultTransportMakesNoApacheOne() {
        runner.withPropertyValues("groq.testkit.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(ApacheHttpTransport.class));
    }

    @Test
    void aCustomizerRunsAfterTestMode() {
        runner.withPropertyValues("groq.testkit.enabled=true")
                .withBean(GroqClientBuilderCustomizer.class, () -> b -> b.baseUrl("http://localhost:9/v1"))
                .run(context -> assertThat(context.getBean(GroqClient.class).config().baseUrl())
                        .isEqualTo("http://localhost:9/v1"));
    }

    @Test
    void testModeWithoutTheTestkitFailsInsteadOfCallingGroq() {
        runner.withPropertyValues(KEY, "groq.testkit.enabled=true")
                .withClassLoader(new FilteredClassLoader(FakeGroqServer.class))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("groq.testkit.enabled=true needs dev.groqj:groqj-testkit"));
    }

    @Test
    void anObservationRegistryGetsAnObservationPerCall() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withPropertyValues("groq.testkit.enabled=true")
                .withBean(ObservationRegistry.class, () -> registry)
                .run(context -> {
                    context.getBean(GroqClient.class).chat().create(hello());
                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("gen_ai.client.operation")
                            .that().hasBeenStopped();
                });
    }

    @Test
    void withoutMicrometerTheClientStillStarts() {
        runner.withPropertyValues("groq.testkit.enabled=true")
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context.getBean(GroqClient.class).chat().create(hello())).isNotNull());
    }
}
