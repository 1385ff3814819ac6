package dev.groqj.opentelemetry;

import dev.groqj.apisurface.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API is the committed {@code api/groqj-opentelemetry.api}: every change to it shows in review. */
class ApiSurfaceTest {
    @Test
    void publicApiIsTheCommittedOne() {
        ApiSurface.assertUnchanged(GroqTelemetry.class, "groqj-opentelemetry");
    }
}
