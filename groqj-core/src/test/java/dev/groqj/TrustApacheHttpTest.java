package dev.groqj;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every test of {@link TrustHttpTest}, over {@link dev.groqj.transport.ApacheHttpTransport}. */
class TrustApacheHttpTest extends TrustHttpTest {
    @RegisterExtension
    final Transports transports = Transports.apache();

    @Override
    GroqClient.Builder builder() {
        return transports.builder();
    }
}
