package dev.groqj.testkit;

import dev.groqj.GroqClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.util.Objects;

/**
 * A JUnit 5 extension that runs one {@link FakeGroqServer} per test class, gives each test a clean one (scripts,
 * journal, files and batches forgotten, quotas full: {@link FakeGroqServer#reset()}), and injects it, and a
 * {@link GroqClient} made for the test, into constructors, test methods and lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(FakeGroqServerExtension.class)
 * class WeatherBotTest {
 *     @Test void answers(FakeGroqServer groq, GroqClient client) { ... }
 * }
 *
 * // quotas that take milliseconds: the server and the client run on a TestClock, waits move it
 * static final TestClock CLOCK = TestClock.create();
 * @RegisterExtension
 * static final FakeGroqServerExtension GROQ =
 *         new FakeGroqServerExtension(FakeGroqServer.builder().clock(CLOCK).requestsPerMinute(30));
 * }</pre>
 *
 * <p><b>Clients and quotas.</b> A client remembers what Groq's answers said (tokens left, a 429's retry-after) and
 * acts on it before sending. The injected {@link #client()} is new for each test and closed after it, so it starts
 * clean; on a server whose clock is a {@link TestClock} it runs on that clock, with the clock's sleeper and
 * scheduler, so its waits take no time. A client this extension did not create (one a test class or a Spring
 * context keeps across tests) starts each test clean too when it runs on the server's {@code TestClock}: before each
 * test the extension moves that clock a day on, past whatever the client remembers (a client acts on a remembered
 * state for at most its {@code maxRetryAfter}). On the system clock, build such a client per test instead.
 */
public final class FakeGroqServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    /** How far the server's {@link TestClock} moves before each test: past every state a client acts on. */
    static final Duration FORGET = Duration.ofDays(1);

    private final FakeGroqServer.Builder builder;
    private FakeGroqServer server;
    private GroqClient client;
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

    /**
     * The current test's client of the server, made on first use and closed after the test: the server's URL and key,
     * and on a {@link TestClock} that clock, its sleeper and its scheduler.
     *
     * @return the client
     */
    public GroqClient client() {
        if (client == null) {
            FakeGroqServer s = start();
            GroqClient.Builder b = GroqClient.builder().baseUrl(s.baseUrl()).apiKey(s.apiKey());
            if (s.clock() instanceof TestClock) {
                TestClock clock = (TestClock) s.clock();
                b.clock(clock).sleeper(clock.sleeper()).delayScheduler(clock.delayScheduler());
            }
            client = b.build();
        }
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        FakeGroqServer s = start();
        if (s.clock() instanceof TestClock) ((TestClock) s.clock()).advance(FORGET);
        s.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (client != null) {
            client.close();
            client = null;
        }
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
        Class<?> type = parameter.getParameter().getType();
        return type == FakeGroqServer.class || type == GroqClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GroqClient.class ? client() : start();
    }
}
