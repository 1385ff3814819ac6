package dev.groqj;

import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.error.ApiException;
import dev.groqj.error.AuthenticationException;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.CapacityExceededException;
import dev.groqj.error.DecodingException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.PermissionDeniedException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.RequestTooLargeException;
import dev.groqj.error.ServerException;
import dev.groqj.error.UnprocessableEntityException;
import dev.groqj.models.Model;
import dev.groqj.models.ModelList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against a real HTTP server on loopback: what goes on the wire, and how answers map. */
class ClientHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    private ScriptedServer server;
    private GroqClient client;

    /** The builder this class's clients start from; {@link ClientApacheHttpTest} passes another transport. */
    GroqClient.Builder builder() {
        return GroqClient.builder();
    }

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listSendsBearerKeyAndUserAgent() throws Exception {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"openai/gpt-oss-120b\",\"object\":\"model\","
                + "\"created\":1754408224,\"owned_by\":\"OpenAI\",\"active\":true,\"context_window\":131072,"
                + "\"public_apps\":null,\"max_completion_tokens\":65536,\"new_field\":[1,2]}]}"));
        ModelList list = client.models().list();

        Model m = list.data().get(0);
        assertThat(m.id()).isEqualTo("openai/gpt-oss-120b");
        assertThat(m.contextWindow()).isEqualTo(131072L);
        assertThat(m.maxCompletionTokens()).isEqualTo(65536L);
        assertThat(m.active()).isTrue();
        assertThat(m.additionalProperties()).containsKey("new_field");

        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.rawPath()).isEqualTo("/openai/v1/models");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(r.header("User-Agent")).startsWith("groqj/").contains("Java ");
    }

    @Test
    void modelIdWithSlashIsOnePathSegment() throws Exception {
        server.enqueue(Scripted.json(200, "{\"id\":\"openai/gpt-oss-120b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"OpenAI\"}"));
        assertThat(client.models().retrieve("openai/gpt-oss-120b").ownedBy()).isEqualTo("OpenAI");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/models/openai%2Fgpt-oss-120b");
    }

    @Test
    void deleteUsesDeleteMethod() throws Exception {
        server.enqueue(Scripted.json(200, "{\"id\":\"ft:my\",\"object\":\"model\",\"deleted\":true}"));
        assertThat(client.models().delete("ft:my").deleted()).isTrue();
        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.rawPath()).isEqualTo("/openai/v1/models/ft%3Amy");
    }

    @Test
    void requestOptionsAddHeadersAndQuery() throws Exception {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[]}"));
        client.models().list(RequestOptions.builder().header("X-Trace", "t1").queryParam("a b", "c&d").build());
        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.header("X-Trace")).isEqualTo("t1");
        assertThat(r.rawPath()).isEqualTo("/openai/v1/models?a%20b=c%26d");
    }

    @ParameterizedTest
    @CsvSource({
            "400, dev.groqj.error.BadRequestException",
            "401, dev.groqj.error.AuthenticationException",
            "403, dev.groqj.error.PermissionDeniedException",
            "404, dev.groqj.error.NotFoundException",
            "413, dev.groqj.error.RequestTooLargeException",
            "422, dev.groqj.error.UnprocessableEntityException",
            "429, dev.groqj.error.RateLimitException",
            "498, dev.groqj.error.CapacityExceededException",
            "500, dev.groqj.error.ServerException",
            "503, dev.groqj.error.ServerException",
            "418, dev.groqj.error.ApiException"})
    void statusMapsToTypedException(int status, String type) throws Exception {
        server.enqueue(Scripted.json(status, "{\"error\":{\"message\":\"boom\",\"type\":\"invalid_request_error\","
                + "\"code\":\"some_code\",\"param\":\"model\"}}").withHeader("x-request-id", "req_01abc"));
        assertThatThrownBy(() -> client.models().list())
                .isExactlyInstanceOf(Class.forName(type))
                .satisfies(t -> {
                    ApiException e = (ApiException) t;
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.requestId()).isEqualTo("req_01abc");
                    assertThat(e.errorType()).isEqualTo("invalid_request_error");
                    assertThat(e.errorCode()).isEqualTo("some_code");
                    assertThat(e.param()).isEqualTo("model");
                    assertThat(e.rawBody()).contains("\"boom\"");
                    assertThat(e.headers().firstOrNull("x-request-id")).isEqualTo("req_01abc");
                    assertThat(e.getMessage()).contains("boom").contains("req_01abc").doesNotContain(KEY);
                });
    }

    @Test
    void retryabilityFollowsStatusAndServerHint() {
        ApiException.ErrorDetails d500 = dev.groqj.internal.ErrorMapper.details(500, dev.groqj.transport.Headers.EMPTY, new byte[0]);
        assertThat(new ServerException(d500).isRetryable()).isTrue();
        ApiException.ErrorDetails hinted = dev.groqj.internal.ErrorMapper.details(500,
                dev.groqj.transport.Headers.ofPairs("x-should-retry", "false"), new byte[0]);
        assertThat(new ServerException(hinted).isRetryable()).isFalse();
        ApiException.ErrorDetails d413 = dev.groqj.internal.ErrorMapper.details(413, dev.groqj.transport.Headers.EMPTY, new byte[0]);
        assertThat(new RequestTooLargeException(d413).isRetryable()).isFalse();
        assertThat(new BadRequestException(dev.groqj.internal.ErrorMapper.details(400, dev.groqj.transport.Headers.EMPTY, new byte[0])).isRetryable()).isFalse();
        assertThat(new CapacityExceededException(dev.groqj.internal.ErrorMapper.details(498, dev.groqj.transport.Headers.EMPTY, new byte[0])).isRetryable()).isTrue();
    }

    @Test
    void htmlFromAProxyStillGivesAClearException() {
        server.enqueue(new Scripted(502, java.util.Map.of("Content-Type", "text/html"),
                java.util.List.of("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>cloudflare</body></html>"
                        .getBytes()), -1, null));
        assertThatThrownBy(() -> client.models().list())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("502 Bad Gateway")
                .hasMessageNotContaining("<html>");
    }

    @Test
    void rateLimitExceptionCarriesRetryAfter() {
        server.enqueue(Scripted.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}")
                .withHeader("retry-after", "7"));
        assertThatThrownBy(() -> client.models().list())
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void refusedConnectionIsANetworkException() throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        GroqClient c = builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + freePort + "/openai/v1").maxRetries(0).build();
        assertThatThrownBy(() -> c.models().list())
                .isInstanceOf(NetworkException.class)
                .satisfies(e -> assertThat(((GroqException) e).statusCode()).isZero());
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        CountDownLatch never = new CountDownLatch(1);
        server.enqueue(Scripted.json(200, "{}").holdUntil(never));
        GroqClient c = builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0)
                .timeout(Duration.ofMillis(300)).build();
        try {
            assertThatThrownBy(() -> c.models().list()).isInstanceOf(GroqTimeoutException.class);
        } finally {
            never.countDown();
        }
    }

    @Test
    void theCallDeadlineCutsAnAttemptsTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        server.enqueue(Scripted.json(200, "{}").holdUntil(never));
        GroqClient c = builder().apiKey(KEY).baseUrl(server.baseUrl()).timeout(Duration.ofSeconds(60))
                .retryConfig(dev.groqj.resilience.RetryConfig.builder().deadline(Duration.ofMillis(300)).build()).build();
        try {
            assertThatThrownBy(() -> c.models().list()).isInstanceOf(GroqTimeoutException.class);
            assertThat(server.requestCount()).as("the deadline left no room for a retry").isEqualTo(1);
        } finally {
            never.countDown();
        }
    }

    @Test
    void healthCheckReportsFailureWithoutThrowing() {
        server.enqueue(Scripted.json(401, "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        HealthStatus h = client.healthCheck();
        assertThat(h.healthy()).isFalse();
        assertThat(h.message()).contains("invalid_api_key");
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[]}"));
        assertThat(client.healthCheck().healthy()).isTrue();
    }

    @Test
    void authenticationErrorNeverShowsTheKey() {
        server.enqueue(Scripted.json(401, "{\"error\":{\"message\":\"Invalid API Key\",\"code\":\"invalid_api_key\"}}"));
        assertThatThrownBy(() -> client.models().list())
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY));
    }

    @Test
    void htmlInsteadOfJsonIsADecodingExceptionWithStatusRequestIdAndExcerpt() {
        server.json(200, "<html><body>Welcome to the hotel wifi</body></html>", "x-request-id", "req_portal");

        DecodingException e = catchThrowableOfType(DecodingException.class, () -> client.models().list());

        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.requestId()).isEqualTo("req_portal");
        assertThat(e.rawBody()).isEqualTo("<html><body>Welcome to the hotel wifi</body></html>");
        assertThat(e.getMessage()).contains("ModelList").contains("200").doesNotContain(KEY);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void theExcerptIsBoundedWhateverTheBody() {
        server.json(200, "{\"object\":\"list\",\"data\":" + "x".repeat(200_000));

        DecodingException e = catchThrowableOfType(DecodingException.class, () -> client.models().list());

        assertThat(e.rawBody()).startsWith("{\"object\":\"list\"").hasSize(2048);
        assertThat(e.getMessage()).hasSizeLessThan(1024);
    }

    @Test
    void wrongShapeIsADecodingExceptionToo() {
        server.json(200, "{\"object\":\"list\",\"data\":\"not a list\"}");

        assertThatThrownBy(() -> client.models().list()).isInstanceOf(DecodingException.class);
    }

    @Test
    void asyncCallsFailTheSameWay() {
        server.enqueue(Scripted.json(200, "not json").withHeader("x-request-id", "req_async"));

        assertThatThrownBy(() -> client.async().models().list().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DecodingException.class)
                .satisfies(e -> assertThat(((DecodingException) e.getCause()).requestId()).isEqualTo("req_async"));
    }
}
