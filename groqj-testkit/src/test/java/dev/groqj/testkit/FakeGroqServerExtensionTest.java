package dev.groqj.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class FakeGroqServerExtensionTest {
    @RegisterExtension
    final FakeGroqServerExtension groq = new FakeGroqServerExtension(FakeGroqServer.builder().apiKey("gsk_mine"));

    @Test
    void anInstanceFieldExtensionServesItsConfiguredServerAndInjectsIt(FakeGroqServer injected) {
        assertThat(injected).isSameAs(groq.server());
        assertThat(injected.apiKey()).isEqualTo("gsk_mine");
        assertThat(new Http(injected).get("/models").statusCode()).isEqualTo(200);
        assertThat(injected.toString()).isEqualTo("FakeGroqServer{" + injected.baseUrl() + "}");
    }
}
