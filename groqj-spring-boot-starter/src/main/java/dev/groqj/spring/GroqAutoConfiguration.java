package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.error.ValidationException;
import dev.groqj.micrometer.GroqObservations;
import dev.groqj.resilience.CircuitBreakerConfig;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.transport.ApacheHttpTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One {@link GroqClient} from the {@code groq.*} properties, changed by every {@link GroqClientBuilderCustomizer}
 * bean in order, and closed with the context.
 */
@AutoConfiguration
@ConditionalOnClass(GroqClient.class)
@EnableConfigurationProperties(GroqProperties.class)
public class GroqAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public GroqClient groqClient(GroqProperties properties, ObjectProvider<GroqClientBuilderCustomizer> customizers,
                                 ResourceLoader resources) {
        // else test mode would silently fall back to the real API
        if (properties.getTestkit().isEnabled()
                && !ClassUtils.isPresent("dev.groqj.testkit.FakeGroqServer", resources.getClassLoader())) {
            throw new IllegalStateException("groq.testkit.enabled=true needs dev.groqj:groqj-testkit on the class path");
        }
        GroqClient.Builder builder = GroqClient.builder();
        named("groq.", () -> apply(properties, builder));
        named("groq.rate-limit.", () -> applyRateLimit(properties.getRateLimit(), builder));
        named("groq.circuit-breaker.", () -> applyCircuitBreaker(properties.getCircuitBreaker(), builder));
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return named("groq.", builder::build);
    }

    static GroqClient.Builder apply(GroqProperties p, GroqClient.Builder b) {
        set(p.getApiKey(), b::apiKey);
        set(p.getBaseUrl(), b::baseUrl);
        set(p.getTimeout(), b::timeout);
        set(p.getReadTimeout(), b::readTimeout);
        set(p.getConnectTimeout(), b::connectTimeout);
        set(p.getMaxResponseBytes(), b::maxResponseBytes);
        set(p.getDeadline(), d -> b.retryConfig(RetryConfig.builder().deadline(d).build()));
        // after retryConfig: the builder's maxRetries overrides the retry config's
        set(p.getMaxRetries(), b::maxRetries);
        return b;
    }

    static GroqClient.Builder applyRateLimit(GroqProperties.RateLimit rl, GroqClient.Builder b) {
        if (rl.getRequestsPerMinute() == 0 && rl.getTokensPerMinute() == 0) return b;
        RateLimitConfig.Builder budget = RateLimitConfig.builder();
        // 0 means "no limit" here; the builder takes only positive limits
        if (rl.getRequestsPerMinute() != 0) budget.requestsPerMinute(rl.getRequestsPerMinute());
        if (rl.getTokensPerMinute() != 0) budget.tokensPerMinute(rl.getTokensPerMinute());
        set(rl.getWaitUpTo(), budget::waitUpTo);
        if (rl.isFailFast()) budget.failFast();
        return b.rateLimitConfig(budget.build());
    }

    static GroqClient.Builder applyCircuitBreaker(GroqProperties.CircuitBreaker cb, GroqClient.Builder b) {
        CircuitBreakerConfig.Builder breaker = CircuitBreakerConfig.builder();
        set(cb.getEnabled(), breaker::enabled);
        set(cb.getFailureRateThreshold(), breaker::failureRateThreshold);
        set(cb.getSlidingWindowSize(), breaker::slidingWindowSize);
        set(cb.getMinimumNumberOfCalls(), breaker::minimumNumberOfCalls);
        set(cb.getWaitDurationInOpenState(), breaker::waitDurationInOpenState);
        return b.circuitBreakerConfig(breaker.build());
    }

    // not Boot's PropertyMapper: its null handling changed in Boot 4, and this starter serves both
    private static <T> void set(T value, Consumer<T> to) {
        if (value != null) to.accept(value);
    }

    /**
     * Runs {@code step}, turning a {@link ValidationException} into one that names the property: the core
     * names builder parameters (apiKey), a Spring user sets properties (groq.api-key).
     */
    static <T> T named(String prefix, Supplier<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            // no cause: Spring reports the root cause, which would name the builder's parameter instead
            throw new IllegalStateException(describe(prefix, e));
        }
    }

    static String describe(String prefix, ValidationException e) {
        String param = e.param().equals("maxWait") ? "waitUpTo" : e.param();
        String property = prefix + param.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        if (property.equals("groq.api-key")) {
            return property + " is required: set it (or the GROQ_API_KEY environment variable), "
                    + "or groq.testkit.enabled=true to run against a FakeGroqServer in tests";
        }
        return property + " is invalid: " + e.getMessage();
    }

    /** {@code groq.transport=apache}: the client sends over an {@link ApacheHttpTransport}, closed with the context. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "groq", name = "transport", havingValue = "apache")
    static class ApacheTransportConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ApacheHttpTransport groqApacheTransport(GroqProperties properties, ResourceLoader resources) {
            if (!ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", resources.getClassLoader())) {
                throw new IllegalStateException("groq.transport=apache needs org.apache.httpcomponents.client5:httpclient5"
                        + " (5.4 or later) on the class path");
            }
            ApacheHttpTransport.Builder transport = ApacheHttpTransport.builder();
            return named("groq.", () -> {
                set(properties.getConnectTimeout(), transport::connectTimeout);
                return transport.build();
            });
        }

        /** Before any other customizer, so that an application's own can still choose another transport. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        GroqClientBuilderCustomizer groqApacheTransportCustomizer(ApacheHttpTransport transport) {
            return builder -> builder.transport(transport);
        }
    }

    /** Micrometer observations (and meters, with a MeterRegistry) for every call, when the application has them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({GroqObservations.class, ObservationRegistry.class, MeterRegistry.class})
    static class ObservationConfiguration {
        // ObjectProviders are read when the client is built, so no ordering against Boot's observation
        // auto-configuration is needed, and no registry bean means no listener
        @Bean
        GroqClientBuilderCustomizer groqObservationsCustomizer(ObjectProvider<ObservationRegistry> observations,
                                                               ObjectProvider<MeterRegistry> meters) {
            return builder -> observations.ifAvailable(registry -> {
                GroqObservations.Builder o = GroqObservations.builder(registry);
                meters.ifAvailable(o::meterRegistry);
                builder.addListener(o.build().listener());
            });
        }
    }

    /** Test mode: {@code groq.testkit.enabled=true} serves the API from a FakeGroqServer on loopback. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FakeGroqServer.class)
    @ConditionalOnProperty(prefix = "groq.testkit", name = "enabled", havingValue = "true")
    static class TestkitConfiguration {
        /** A bean, so tests can inject it to script answers or read the requests it got. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        FakeGroqServer groqFakeServer() {
            return FakeGroqServer.create().start();
        }

        /** First, so a user's customizer still can change the rest; wins over groq.base-url and groq.api-key. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        GroqClientBuilderCustomizer groqFakeServerCustomizer(FakeGroqServer fake) {
            return builder -> builder.baseUrl(fake.baseUrl()).apiKey(fake.apiKey());
        }
    }
}
