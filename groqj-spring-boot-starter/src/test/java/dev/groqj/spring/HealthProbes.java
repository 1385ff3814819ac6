package dev.groqj.spring;

import dev.groqj.testkit.FakeGroqServer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the Boot 3 and Boot 4 health tests share: the context they run in, and how many checks reached Groq. */
final class HealthProbes {
    private HealthProbes() {
    }

    /** Test mode and every auto-configuration of the starter that can register a health indicator. */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GroqAutoConfiguration.class,
                        GroqActuatorAutoConfiguration.class, GroqHealthAutoConfiguration.class))
                .withPropertyValues("groq.testkit.enabled=true");
    }

    /** The health checks (models lists) the fake answered. */
    static long modelListings(FakeGroqServer fake) {
        return fake.requests().stream().filter(r -> r.path().endsWith("/models")).count();
    }
}
