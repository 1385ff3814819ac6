package dev.groqj.chat;

import dev.groqj.GroqClient;
import dev.groqj.Transports;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every test of {@link StreamFailuresHttpTest}, over {@link dev.groqj.transport.ApacheHttpTransport}. */
class StreamFailuresApacheHttpTest extends StreamFailuresHttpTest {
    @RegisterExtension
    final Transports transports = Transports.apache();

    @Override
    GroqClient.Builder builder() {
        return transports.builder();
    }
}
