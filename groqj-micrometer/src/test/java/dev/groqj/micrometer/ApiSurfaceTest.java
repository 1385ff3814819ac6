package dev.groqj.micrometer;

import dev.groqj.apisurface.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API is the committed {@code api/groqj-micrometer.api}: every change to it shows in review. */
class ApiSurfaceTest {
    @Test
    void publicApiIsTheCommittedOne() {
        ApiSurface.assertUnchanged(GroqObservations.class, "groqj-micrometer");
    }
}
