package dev.groqj.auth;

import dev.groqj.transport.HttpRequest;

/**
 * Adds credentials to each outgoing request (seed section 5). With one, the client needs no API key:
 *
 * <pre>{@code
 * GroqClient.builder().authProvider(request -> request.header("Authorization", "Bearer " + tokens.current()))
 * }</pre>
 */
@FunctionalInterface
public interface AuthProvider {
    /**
     * Adds the credentials to {@code request}; called on every attempt, so a provider that refreshes its token
     * gives each retry the current one.
     * A header that cannot be sent (a control character, say) fails with a
     * {@link dev.groqj.error.ValidationException} naming the header, never its value.
     */
    void apply(HttpRequest.Builder request);
}
