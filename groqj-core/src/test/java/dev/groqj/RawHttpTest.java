package dev.groqj;

import dev.groqj.ScriptedServer.Recorded;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.StreamException;
import dev.groqj.error.ValidationException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import dev.groqj.resilience.CircuitBreakerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code client.raw()} against a scripted server on loopback: any path, with the client's whole call path. */
class RawHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    private static final String BUSY = "{\"error\":{\"message\":\"busy\",\"type\":\"internal_server_error\"}}";
    private static final JsonValue BODY = JsonValue.parse("{\"model\":\"m\",\"input\":\"Hi\"}");

    private ScriptedServer server;
    private GroqClient client;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(2)
                .circuitBreakerConfig(CircuitBreakerConfig.DISABLED)
                .sleeper(d -> { }).delayScheduler(d -> CompletableFuture.completedFuture(null))
                .addListener(new GroqListener() {
                    @Override public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
                        calls.add(call.operation() + " " + call.method() + " " + call.path());
                    }
                }).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void getPostAndDeleteAreRetriedAfter503LikeTypedCalls() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.json(503, BUSY);
            server.json(200, "{\"id\":\"thing_" + i + "\",\"n\":[1,2.50]}", "x-request-id", "req_" + i);
        }

        GroqResponse<JsonValue> got = client.raw().get("/things/1?expand=all");
        GroqResponse<JsonValue> posted = client.raw().post("/things", BODY);
        GroqResponse<JsonValue> deleted = client.raw().delete("/things/1");

        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.value()).isEqualTo(JsonValue.parse("{\"id\":\"thing_0\",\"n\":[1,2.5]}"));
        assertThat(got.requestId()).isEqualTo("req_0");
        assertThat(posted.value().get("id").asString()).isEqualTo("thing_1");
        assertThat(deleted.headers().firstOrNull("x-request-id")).isEqualTo("req_2");
        List<Recorded> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) sent.add(server.takeRequest());
        assertThat(sent).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                "GET /openai/v1/things/1?expand=all", "GET /openai/v1/things/1?expand=all",
                "POST /openai/v1/things", "POST /openai/v1/things",
                "DELETE /openai/v1/things/1", "DELETE /openai/v1/things/1");
        assertThat(sent).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
        assertThat(sent.get(3).bodyAsString()).isEqualTo(BODY.toJson());
        assertThat(sent.get(3).header("Content-Type")).startsWith("application/json");
        assertThat(calls).containsExactly("raw.get GET /things/1?expand=all", "raw.post POST /things",
                "raw.delete DELETE /things/1");
    }

    @Test
    void asyncCallsRetryAndAnswerAlike() throws Exception {
        server.json(503, BUSY);
        server.json(200, "{\"ok\":true}");
        server.enqueue(Scripted.json(204, ""));

        GroqResponse<JsonValue> posted = client.async().raw().post("/things", BODY).get(10, TimeUnit.SECONDS);
        GroqResponse<JsonValue> deleted = client.async().raw().delete("/things/1").get(10, TimeUnit.SECONDS);

        assertThat(posted.value().get("ok").asBoolean()).isTrue();
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.value().isMissing()).isTrue();
    }

    @Test
    void http404MapsToNotFoundException() throws Exception {
        server.json(404, "{\"error\":{\"message\":\"The path does not exist\",\"type\":\"invalid_request_error\","
                + "\"code\":\"unknown_url\"}}", "x-request-id", "req_404");

        assertThatThrownBy(() -> client.raw().get("/nothing/here"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("unknown_url");
                    assertThat(e.requestId()).isEqualTo("req_404");
                });
        assertThat(server.requestCount()).isEqualTo(1);

        server.json(404, "{\"error\":{\"message\":\"gone\"}}");
        assertThatThrownBy(() -> client.async().raw().delete("/nothing/here").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void streamOfThreeEventsEndsAtDone() throws Exception {
        server.enqueue(Scripted.sse("data: {\"type\":\"a\",\"n\":1}\n\n", ": keep-alive\n\n",
                "event: delta\ndata: {\"type\":\"b\",\"n\":2}\n\n", "data: {\"type\":\"c\",\"n\":3}\n\n",
                "data: [DONE]\n\n").withHeader("x-request-id", "req_sse"));

        List<JsonValue> events;
        try (EventStream<JsonValue> stream = client.raw().stream("/responses", BODY)) {
            assertThat(stream.requestId()).isEqualTo("req_sse");
            events = stream.stream().collect(Collectors.toList());
        }

        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("a", "b", "c");
        assertThat(events.get(2).get("n").asInt()).isEqualTo(3);
        Recorded sent = server.takeRequest();
        assertThat(sent.method() + " " + sent.rawPath()).isEqualTo("POST /openai/v1/responses");
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.bodyAsString()).isEqualTo(BODY.toJson());
        assertThat(calls).containsExactly("raw.stream POST /responses");
    }

    @Test
    void asyncStreamPublishesTheSameEvents() throws Exception {
        server.enqueue(Scripted.sse("data: {\"n\":1}\n\n", "data: {\"n\":2}\n\n", "data: {\"n\":3}\n\n",
                "data: [DONE]\n\n"));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();

        client.async().raw().stream("/responses", BODY).subscribe(new Flow.Subscriber<>() {
            @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
            @Override public void onNext(JsonValue event) { seen.add(event.get("n").asInt()); }
            @Override public void onError(Throwable error) { done.completeExceptionally(error); }
            @Override public void onComplete() { done.complete(null); }
        });

        done.get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactly(1, 2, 3);
    }

    @Test
    void errorEventFailsTheStreamAfterTheEventsBeforeIt() {
        server.enqueue(Scripted.sse("data: {\"n\":1}\n\n",
                "event: error\ndata: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n"));
        List<JsonValue> seen = new ArrayList<>();

        try (EventStream<JsonValue> stream = client.raw().stream("/responses", BODY)) {
            assertThatThrownBy(() -> stream.forEach(seen::add)).isInstanceOfSatisfying(StreamException.class,
                    e -> assertThat(e.getMessage()).contains("overloaded"));
        }
        assertThat(seen).containsExactly(JsonValue.parse("{\"n\":1}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"models", "http://evil.example/x", "//evil.example/x", "/files/../../admin",
            "/a/%2e%2E/b", "/./models", "/models#frag", "/has space", ""})
    void pathOutsideTheBaseUrlIsRefusedBeforeSending(String path) {
        assertThatThrownBy(() -> client.raw().get(path)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo("path"));
        assertThatThrownBy(() -> client.raw().post(path, BODY)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.raw().stream(path, BODY)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.async().raw().delete(path)).isInstanceOf(ValidationException.class);
        assertThat(server.requestCount()).isZero();
    }
}
