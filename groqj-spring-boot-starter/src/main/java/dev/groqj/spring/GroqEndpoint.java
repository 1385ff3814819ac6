package dev.groqj.spring;

import dev.groqj.GroqClient;
import dev.groqj.resilience.RateLimitStatus;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/groq}: Groq's rate-limit state as of the client's last response, and under {@code models} the
 * state of each model the client had an answer for (Groq's limits are per model: requests per day, tokens per
 * minute). It sends nothing; fields no response has carried yet are absent. Durations and instants are ISO-8601
 * strings.
 */
@Endpoint(id = "groq")
public class GroqEndpoint {
    private final GroqClient client;

    public GroqEndpoint(GroqClient client) {
        this.client = client;
    }

    @ReadOperation
    public Map<String, Object> rateLimits() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("baseUrl", client.config().baseUrl());
        putStatus(body, client.rateLimitStatus());
        Map<String, Object> models = new LinkedHashMap<>();
        client.rateLimitStatusByModel().forEach((model, status) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            putStatus(one, status);
            models.put(model, one);
        });
        body.put("models", models);
        return body;
    }

    private static void putStatus(Map<String, Object> body, RateLimitStatus s) {
        body.put("rateLimited", s.isRateLimited());
        putIfKnown(body, "requestsLimit", s.requestsLimit());
        putIfKnown(body, "requestsRemaining", s.requestsRemaining());
        putIfKnown(body, "requestsReset", s.requestsReset());
        putIfKnown(body, "tokensLimit", s.tokensLimit());
        putIfKnown(body, "tokensRemaining", s.tokensRemaining());
        putIfKnown(body, "tokensReset", s.tokensReset());
        putIfKnown(body, "updatedAt", s.updatedAt());
    }

    private static void putIfKnown(Map<String, Object> body, String name, Object value) {
        if (value instanceof Long) body.put(name, value);
        else if (value != null) body.put(name, value.toString());
    }
}
