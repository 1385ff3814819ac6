package dev.groqj.redis;

import dev.groqj.apisurface.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API is the committed {@code api/groqj-redis.api}: every change to it shows in review. */
class ApiSurfaceTest {
    @Test
    void publicApiIsTheCommittedOne() {
        ApiSurface.assertUnchanged(RedisRateLimitStore.class, "groqj-redis");
    }
}
