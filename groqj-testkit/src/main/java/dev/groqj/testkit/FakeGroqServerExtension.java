package dev.groqj.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;

/**
 * A JUnit 5 extension that runs one {@link FakeGroqServer} per test class, {@link FakeGroqServer#reset() resets}
 * it before each test, and injects it into constructors, test methods and lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(FakeGroqServerExtension.class)
 * class WeatherBotTest {
 *     @Test void answers(FakeGroqServer groq) { ... groq.baseUrl() ... }
 * }
 *
 * // or, to configure the server:
 * @RegisterExtension
 * static final FakeGroqServerExtension GROQ =
 *         new FakeGroqServerExtension(FakeGroqServer.builder().requestsPerMinute(2));
 * }</pre>
 */
public final class FakeGroqServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final FakeGroqServer.Builder builder;
    private FakeGroqServer server;
    private boolean perClass;

    /** An extension whose server has the defaults of {@link FakeGroqServer#create()}. */
    public FakeGroqServerExtension() {
        this(FakeGroqServer.builder());
    }

    /**
     * An extension whose server is built from {@code builder} (a key, quotas, a clock of the test's own).
     *
     * @param builder the configured server builder
     */
    public FakeGroqServerExtension(FakeGroqServer.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder == null");
    }

    /**
     * The running server (started before the first test of the class).
     *
     * @return the server
     */
    public FakeGroqServer server() {
        if (server == null) throw new IllegalStateException("the server starts before the first test");
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start().reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Registered on an instance field, the extension sees no afterAll: its server lives for one test.
        if (!perClass) stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private FakeGroqServer start() {
        if (server == null) server = builder.build().start();
        return server;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeGroqServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start();
    }
}
