package dev.groqj.cli;

import dev.groqj.GroqClient;
import dev.groqj.testkit.FakeGroqServer;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A client for one command, and the embedded sandbox it talks to when there is no API key. Closing it closes
 * both.
 *
 * <pre>{@code
 * try (Connection c = Connection.open(env, err, builder -> builder.maxRetries(0))) {
 *     c.client().models().list();
 * }
 * }</pre>
 */
final class Connection implements AutoCloseable {
    static final String SANDBOX_NOTICE =
            "groqj: GROQ_API_KEY not set; answering from the embedded sandbox (FakeGroqServer), not Groq";

    private final GroqClient client;
    private final FakeGroqServer sandbox;

    private Connection(GroqClient client, FakeGroqServer sandbox) {
        this.client = client;
        this.sandbox = sandbox;
    }

    /**
     * Groq (or {@code GROQ_BASE_URL}) when {@code GROQ_API_KEY} is set; otherwise a fresh embedded sandbox,
     * announced on {@code err} in one line so nobody mistakes its answers for Groq's.
     */
    static Connection open(CliEnvironment env, PrintWriter err, Consumer<GroqClient.Builder> configure) {
        String key = env.variable(CliEnvironment.API_KEY);
        if (key == null) {
            err.println(SANDBOX_NOTICE);
            err.flush();
            return sandbox(configure);
        }
        GroqClient.Builder builder = GroqClient.builder().apiKey(key);
        String baseUrl = env.variable(CliEnvironment.BASE_URL);
        if (baseUrl != null) builder.baseUrl(baseUrl);
        configure.accept(builder);
        return new Connection(builder.build(), null);
    }

    /** A client of a new embedded sandbox, whatever the environment says. */
    static Connection sandbox(Consumer<GroqClient.Builder> configure) {
        FakeGroqServer server = FakeGroqServer.create().start();
        try {
            GroqClient.Builder builder = GroqClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey())
                    .timeout(Duration.ofSeconds(30));
            configure.accept(builder);
            return new Connection(builder.build(), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    GroqClient client() {
        return client;
    }

    /** The embedded sandbox, or null when talking to Groq. */
    FakeGroqServer sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        client.close();
        if (sandbox != null) sandbox.close();
    }
}
