package dev.groqj.spring;

import dev.groqj.apisurface.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API is the committed {@code api/groqj-spring-boot-starter.api}: every change to it shows in review. */
class ApiSurfaceTest {
    @Test
    void publicApiIsTheCommittedOne() {
        ApiSurface.assertUnchanged(GroqAutoConfiguration.class, "groqj-spring-boot-starter");
    }
}
