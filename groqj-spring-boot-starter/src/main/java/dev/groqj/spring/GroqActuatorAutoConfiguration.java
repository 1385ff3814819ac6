package dev.groqj.spring;

import dev.groqj.GroqClient;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code groq} health indicator and actuator endpoint, when the application has Spring Boot Actuator. */
@AutoConfiguration(after = GroqAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(GroqClient.class)
public class GroqActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    public GroqEndpoint groqEndpoint(GroqClient client) {
        return new GroqEndpoint(client);
    }

    // Boot 4 moved HealthIndicator to org.springframework.boot.health.contributor: there this part stays off
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("groq")
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "groqHealthIndicator")
        GroqHealthIndicator groqHealthIndicator(GroqClient client, GroqProperties properties) {
            return new GroqHealthIndicator(client, properties.getHealth().getCacheFor());
        }
    }
}
