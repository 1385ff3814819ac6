package dev.groqj.auth;

import dev.groqj.error.ValidationException;
import dev.groqj.transport.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * {@code Authorization: Bearer <key>}. Refuses an empty key; warns when the key does not look like a Groq key
 * ({@code gsk_…}).
 */
public final class ApiKeyAuth implements AuthProvider {
    private final ApiKey key;
    private final String headerValue;

    public ApiKeyAuth(ApiKey key) {
        this.key = Objects.requireNonNull(key, "key == null");
        if (key.isBlank()) {
            throw new ValidationException("apiKey", "must not be empty (set GROQ_API_KEY or call apiKey(...))");
        }
        if (!key.reveal().startsWith("gsk_")) {
            // looked up only here: building a client with a well-formed key does not start SLF4J (about 20 ms)
            Logger log = LoggerFactory.getLogger(ApiKeyAuth.class);
            log.warn("API key {} does not look like a Groq key (gsk_...)", key.hint());
        }
        this.headerValue = "Bearer " + key.reveal();
    }

    @Override
    public void apply(HttpRequest.Builder request) {
        request.header("Authorization", headerValue);
    }

    @Override
    public String toString() {
        return "ApiKeyAuth[" + key.hint() + "]";
    }
}
