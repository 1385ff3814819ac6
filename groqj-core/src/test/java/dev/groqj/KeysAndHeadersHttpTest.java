package dev.groqj;

import dev.groqj.ScriptedServer.Recorded;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.ValidationException;
import dev.groqj.transport.HttpRequest;
import dev.groqj.transport.JdkHttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys, extra headers, path ids and health checks against a real server on loopback: what reaches the wire. */
class KeysAndHeadersHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    private static final String MODELS = "{\"object\":\"list\",\"data\":[]}";
    private static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[]}";
    private ScriptedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GroqClient.Builder client() {
        return GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0);
    }

    @Test
    void keyReadFromFileWithTrailingNewlineIsSentTrimmed() throws Exception {
        server.json(200, MODELS);
        GroqClient client = GroqClient.builder().apiKey("  " + KEY + "\r\n").baseUrl(server.baseUrl()).build();

        client.models().list();

        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void keyWithHeaderInjectionIsRefusedAtBuildWithoutEchoingIt() {
        String key = "gsk_secret_part_one\r\nX-Evil: 1";
        assertThatThrownBy(() -> GroqClient.builder().apiKey(key).baseUrl(server.baseUrl()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.param()).isEqualTo("apiKey");
                    for (String text : List.of(e.getMessage(), e.toString())) {
                        assertThat(text).doesNotContain("gsk_").doesNotContain("secret").doesNotContain("Evil");
                    }
                });
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void framingHeaderAsExtraHeaderIsRefusedAndNothingIsSent() {
        GroqClient client = client().build();

        assertThatThrownBy(() -> client.models().list(
                RequestOptions.builder().header("Transfer-Encoding", "chunked").build()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("header Transfer-Encoding"));
        assertThatThrownBy(() -> ChatRequest.builder().extraHeader("content-length", "0"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client().defaultHeader("Host", "evil.example"))
                .isInstanceOf(ValidationException.class);
        assertThat(server.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "Keep-Alive", "TE", "Trailer", "Upgrade", "Expect", "Proxy-Authorization"})
    void hopByHopHeadersAreRefusedAsExtraHeaders(String name) {
        assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("header " + name));
    }

    @Test
    void controlCharactersInHeaderNamesOrValuesAreRefusedBeforeSending() {
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", "a\r\nX-Evil: 1"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("X-Trace").doesNotContain("Evil"));
        assertThatThrownBy(() -> RequestOptions.builder().header("X-Evil\r\nX", "1"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("Evil"));
        GroqClient custom = GroqClient.builder().baseUrl(server.baseUrl())
                .authProvider(r -> r.header("Authorization", "Bearer tok\nen")).build();
        assertThatThrownBy(() -> custom.models().list())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("Authorization").doesNotContain("tok"));
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void whatJavaNetHttpRefusesIsWrappedWithoutItsMessage() {
        HttpRequest request = HttpRequest.builder().method("GET SECRET").uri(URI.create(server.baseUrl() + "/models")).build();

        try (JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> transport.send(request)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.getMessage()).doesNotContain("SECRET").contains("IllegalArgumentException"));
        }
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void perCallHeaderWinsOverRequestAndClientIgnoringCase() throws Exception {
        server.otherwise(r -> Scripted.json(200, r.rawPath().endsWith("/models") ? MODELS : COMPLETION));
        GroqClient client = client().defaultHeader("x-trace", "client").defaultHeader("x-client-only", "c").build();

        client.models().list(RequestOptions.builder().header("X-Trace", "call").build());
        client.chat().create(ChatRequest.builder().model("m").addMessage(Message.user("hi"))
                        .extraHeader("X-TRACE", "request").build(),
                RequestOptions.builder().header("x-Trace", "call").build());
        client.chat().create(ChatRequest.builder().model("m").addMessage(Message.user("hi"))
                .extraHeader("X-TRACE", "request").build());

        assertThat(values(server.takeRequest(), "x-trace")).containsExactly("call");
        assertThat(values(server.takeRequest(), "x-trace")).containsExactly("call");
        Recorded third = server.takeRequest();
        assertThat(values(third, "x-trace")).containsExactly("request");
        assertThat(values(third, "x-client-only")).containsExactly("c");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentIdsAreRefusedNamingTheParameter(String id) {
        GroqClient client = client().build();

        assertThatThrownBy(() -> client.models().retrieve(id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo("id"));
        assertThatThrownBy(() -> client.files().content(id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo("file_id"));
        assertThatThrownBy(() -> client.batches().retrieve(id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo("batch_id"));
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void dotsInsideAnIdAreKeptInOneSegment() throws Exception {
        server.json(200, "{\"id\":\"../x\",\"object\":\"model\"}");
        client().build().models().retrieve("../x");

        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/models/..%2Fx");
    }

    @Test
    void customAuthProviderNeedsNoApiKey() throws Exception {
        server.json(200, MODELS);
        GroqClient client = GroqClient.builder().baseUrl(server.baseUrl())
                .authProvider(r -> r.header("Authorization", "Bearer minted")).build();

        client.models().list();

        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer minted");
    }

    @Test
    void healthCheckMakesExactlyOneAttempt() throws Exception {
        server.json(503, "{\"error\":{\"message\":\"over capacity\"}}");
        server.json(200, MODELS);
        GroqClient client = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(3)
                .sleeper(d -> { }).build();

        HealthStatus status = client.healthCheck();

        assertThat(status.healthy()).isFalse();
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/models");
        assertThat(server.requestCount()).isZero();
    }

    private static List<String> values(Recorded request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).flatMap(List::stream).toList();
    }
}
