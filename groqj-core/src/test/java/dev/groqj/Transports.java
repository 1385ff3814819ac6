package dev.groqj;

import dev.groqj.transport.ApacheHttpTransport;
import dev.groqj.transport.HttpTransport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Apache transports for a test class's clients. A class takes its builders from an overridable {@code builder()};
 * its {@code *ApacheHttpTest} subclass registers {@link #apache()} and returns {@link #builder()} from it, so every
 * test of the class runs over both transports. Transports made here are closed after each test.
 */
public class Transports implements AfterEachCallback {
    private final List<HttpTransport> made = new CopyOnWriteArrayList<>();

    public static Transports apache() {
        return new Transports();
    }

    /** A builder whose client runs over a new {@link ApacheHttpTransport}. */
    public GroqClient.Builder builder() {
        HttpTransport transport = ApacheHttpTransport.create(Duration.ofSeconds(5));
        made.add(transport);
        return GroqClient.builder().transport(transport);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        made.forEach(HttpTransport::close);
        made.clear();
    }
}
