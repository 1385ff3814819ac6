package dev.groqj;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.UnaryOperator;

/**
 * A {@link ScriptedServer} and a client of it without retries, fresh for each test:
 * {@code @RegisterExtension final ScriptedGroq groq = new ScriptedGroq();}.
 */
public final class ScriptedGroq implements BeforeEachCallback, AfterEachCallback {
    private final UnaryOperator<String> baseUrl;
    private ScriptedServer server;
    private GroqClient client;

    public ScriptedGroq() {
        this(UnaryOperator.identity());
    }

    /** @param baseUrl turns the server's base URL into the client's (a gateway prefix, say) */
    public ScriptedGroq(UnaryOperator<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new ScriptedServer();
        client = GroqClient.builder().apiKey("gsk_test").baseUrl(baseUrl.apply(server.baseUrl())).maxRetries(0)
                .build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.close();
    }

    public ScriptedServer server() {
        return server;
    }

    public GroqClient client() {
        return client;
    }
}
