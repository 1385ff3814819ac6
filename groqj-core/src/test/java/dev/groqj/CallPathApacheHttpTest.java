package dev.groqj;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Every test of {@link CallPathHttpTest}, over {@link dev.groqj.transport.ApacheHttpTransport}. */
class CallPathApacheHttpTest extends CallPathHttpTest {
    @RegisterExtension
    final Transports transports = Transports.apache();

    @Override
    GroqClient.Builder builder() {
        return transports.builder();
    }
}
