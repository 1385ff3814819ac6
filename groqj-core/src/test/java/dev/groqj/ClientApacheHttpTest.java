package dev.groqj;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every test of {@link ClientHttpTest}, over {@link dev.groqj.transport.ApacheHttpTransport}. */
class ClientApacheHttpTest extends ClientHttpTest {
    @RegisterExtension
    final Transports transports = Transports.apache();

    @Override
    GroqClient.Builder builder() {
        return transports.builder();
    }
}
