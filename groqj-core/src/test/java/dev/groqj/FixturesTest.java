package dev.groqj;

import dev.groqj.Fixtures.Interaction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixturesTest {
    @Test
    void gzipBinaryBodyIsDecodedAndItsEncodingHeadersDropped() {
        List<Interaction> calls = Fixtures.cassette("recorded/openllmetry/test_chat_tracing/test_chat_legacy.yaml");

        assertThat(calls).hasSize(6);
        Interaction first = calls.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(first.requestBody()).contains("\"model\": \"llama3-8b-8192\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(first.responseText()).startsWith("{").contains("\"object\":\"chat.completion\"");
        assertThat(first.responseHeaders().first("content-encoding")).isEmpty();
        assertThat(first.responseHeaders().first("X-RateLimit-Limit-Requests")).hasValue("14400");
        assertThat(first.isStream()).isFalse();
    }

    @Test
    void pydanticParsedBodiesBecomeJsonText() {
        Interaction call = Fixtures.cassette(
                "recorded/pydantic-ai/models/cassettes/test_groq/test_groq_model_instructions.yaml").get(0);

        assertThat(call.requestBody()).isEqualTo("{\"messages\":[{\"content\":\"You are a helpful assistant.\","
                + "\"role\":\"system\"},{\"content\":\"What is the capital of France?\",\"role\":\"user\"}],"
                + "\"model\":\"llama-3.3-70b-versatile\",\"n\":1,\"stream\":false}");
        assertThat(call.responseText()).contains("\"content\":\"The capital of France is Paris.\"")
                .contains("\"queue_time\":0.100731848");
    }

    @Test
    void sseBodiesKeepTheirEventFraming() {
        Interaction call = Fixtures.cassette("recorded/agentops/test_groq_provider.yaml").get(1);

        assertThat(call.isStream()).isTrue();
        assertThat(call.responseText()).startsWith("data: {").contains("\n\ndata: ").contains("data: [DONE]");
    }

    @Test
    void imageDownloadsAreBinaryBodies() {
        Interaction download = Fixtures.cassette("recorded/pydantic-ai/models/cassettes/test_multimodal_tool_returns/"
                + "test_multimodal_tool_return_matrix_direct-url_force_download-image-groq_.yaml").get(1);

        assertThat(download.isChatCompletion()).isFalse();
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.responseBody()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void chatCassettesAreFoundAcrossAllSources() {
        List<String> cassettes = Fixtures.chatCassettes();

        assertThat(cassettes).hasSize(Fixtures.cassettes().size())
                .anyMatch(c -> c.startsWith("recorded/openllmetry/"))
                .anyMatch(c -> c.startsWith("recorded/agentops/"))
                .anyMatch(c -> c.startsWith("recorded/pydantic-ai/"));
        assertThat(Fixtures.chatInteractions()).allMatch(Interaction::isChatCompletion).hasSizeGreaterThan(80);
    }

    @Test
    void missingFixtureNamesItself() {
        Fixtures.root(); // skips here, not inside assertThatThrownBy, when there are no fixtures at all
        assertThatThrownBy(() -> Fixtures.read("recorded/nope.json")).hasMessageContaining("recorded/nope.json");
    }
}
