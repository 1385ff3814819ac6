package dev.groqj.reranking;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.RequestOptions;
import dev.groqj.ScriptedGroq;
import dev.groqj.ScriptedServer;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reranking service against a real HTTP server on 127.0.0.1. */
class RerankingHttpTest {
    // deliberately not sorted by score: the client keeps Groq's order, it does not re-sort
    private static final String ANSWER = "{\"results\":[{\"doc\":\"b\",\"score\":0.5},{\"doc\":\"a\",\"score\":0.9}]}";

    @RegisterExtension
    final ScriptedGroq groq = new ScriptedGroq();
    private ScriptedServer server;
    private GroqClient client;

    @BeforeEach
    void bind() {
        server = groq.server();
        client = groq.client();
    }

    @Test
    void sendsEverySetPropertyAndKeepsGroqsOrder() throws Exception {
        server.enqueue(Scripted.json(200, ANSWER));

        Reranking ranked = client.reranking().create(RerankingRequest.builder().model(RerankingRequest.QWEN3_RERANKER_4B)
                .query("q").addDoc("a").addDoc("b").instruction("be strict").build());

        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.rawPath()).isEqualTo("/openai/v1/reranking");
        assertThat(JsonValue.parse(r.bodyAsString())).isEqualTo(JsonValue.parse("{\"model\":\"qwen3-reranker-4b\","
                + "\"query\":\"q\",\"docs\":[\"a\",\"b\"],\"instruction\":\"be strict\"}"));
        assertThat(ranked.results()).extracting(Reranking.Result::doc).containsExactly("b", "a");
        assertThat(ranked.results()).extracting(Reranking.Result::score).containsExactly(0.5, 0.9);
    }

    @Test
    void asyncAndWithResponseForms() throws Exception {
        server.enqueue(Scripted.json(200, ANSWER));
        server.enqueue(Scripted.json(200, ANSWER));
        RerankingRequest request = RerankingRequest.builder().model("m").query("q").docs(List.of("a", "b")).build();

        assertThat(client.reranking().createWithResponse(request, RequestOptions.DEFAULT).statusCode()).isEqualTo(200);
        assertThat(client.async().reranking().create(request).get().results()).hasSize(2);
        assertThat(JsonValue.parse(server.takeRequest().bodyAsString()).asMap()).doesNotContainKey("instruction");
    }

    @Test
    void invalidRequestsFailBeforeSending() {
        RerankingRequest.Builder ok = RerankingRequest.builder().model("m").query("q").addDoc("a");
        assertThat(ok.build().toBuilder().build().docs()).containsExactly("a");
        assertThatThrownBy(() -> RerankingRequest.builder().query("q").addDoc("a").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("model:");
        assertThatThrownBy(() -> RerankingRequest.builder().model("m").addDoc("a").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("query:");
        assertThatThrownBy(() -> RerankingRequest.builder().model("m").query("q").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("docs:");
        assertThatThrownBy(() -> ok.addDoc("").build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("docs[1]:");
        assertThatThrownBy(() -> RerankingRequest.builder().model("m").query("q")
                .docs(Collections.nCopies(101, "d")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 100");
        assertThat(server.requestCount()).isZero();
    }
}
