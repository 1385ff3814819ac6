package dev.groqj.chat;

import dev.groqj.GroqClient;
import dev.groqj.HostileServer;
import dev.groqj.ScriptedServer;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ResponseTooLargeException;
import dev.groqj.error.StreamException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a chat stream ends when it fails after it opened, the same on every way of reading it: the chunks that
 * arrived first, then a {@link StreamException} with the content so far and a typed cause, and the listeners told
 * of a failure, not a success. Real HTTP on loopback.
 */
class StreamFailuresHttpTest {
    private static final ChatRequest HELLO = ChatRequest.builder().model("llama-3.1-8b-instant")
            .addMessage(Message.user("Hello")).build();

    /** The ways a caller reads a stream. */
    enum Mode { ITERATE, ACCUMULATE, PUBLISHER, HANDLER }

    /** What the caller saw: the chunks' contents (null for {@code accumulate()}, which shows none) and the failure. */
    record Outcome(List<String> contents, Throwable error) { }

    private ScriptedServer server;
    private GroqClient client;
    private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());

    /** The builder this class's clients start from; {@link StreamFailuresApacheHttpTest} passes another transport. */
    GroqClient.Builder builder() {
        return GroqClient.builder();
    }

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = client(builder().baseUrl(server.baseUrl()));
    }

    /** A client from {@code builder} that records outcomes. */
    private GroqClient client(GroqClient.Builder builder) {
        return builder.apiKey("gsk_test_abcdefghijklmnop1234").maxRetries(0).addListener(new GroqListener() {
                    @Override public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
                        outcomes.add("callEnd");
                    }
                    @Override public void callFailed(CallInfo call, GroqException error, Duration duration) {
                        outcomes.add("callFailed " + error.getClass().getSimpleName());
                    }
                }).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static String chunk(String content) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}\n\n";
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void xGroqErrorEndsTheStreamWithGroqsReasonAfterTheChunksBeforeIt(Mode mode) throws Exception {
        String stop = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":"
                + "[{\"index\":0,\"delta\":{\"content\":\"!\"},\"finish_reason\":\"stop\"}],"
                + "\"x_groq\":{\"id\":\"req_1\",\"error\":\"stream stopped: model overloaded\"}}\n\n";
        server.sse(List.of(chunk("Hel"), chunk("lo"), stop, chunk(" never"), "data: [DONE]\n\n"), 0);
        Outcome o = run(mode);
        assertContents(o, "Hel", "lo", "!");
        assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.getMessage()).contains("stream stopped: model overloaded");
            assertThat(e.partialContent()).isEqualTo("Hello!");
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(outcomes).containsExactly("callFailed StreamException");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void jsonErrorAnsweredWith200IsAStreamExceptionCarryingItsMessage(Mode mode) throws Exception {
        server.json(200, "{\"error\":{\"message\":\"Service Unavailable\",\"type\":\"internal_server_error\"}}");
        Outcome o = run(mode);
        assertContents(o);
        assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.getMessage()).contains("application/json").contains("Service Unavailable");
            assertThat(e.errorType()).isEqualTo("internal_server_error");
        });
        assertThat(outcomes).containsExactly("callFailed StreamException");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ITERATE", "PUBLISHER"})
    void largeBodyThatIsNotAnEventStreamIsReadOnlyUpToTheCap(Mode mode) throws Exception {
        server.enqueue(ScriptedServer.Scripted.json(200, "x".repeat(3 << 20)).withHeader("Content-Type", "text/plain"));
        Outcome o = run(mode);
        assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.getMessage()).contains("expected text/event-stream but got text/plain");
            assertThat(e.rawBody()).hasSize(1 << 20);
        });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyEventBeforeACutIsDeliveredThenAStreamExceptionCausedByNetworkException(Mode mode) throws Exception {
        List<String> events = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(chunk("t" + i + " "));
            expected.add("t" + i + " ");
        }
        server.sseCut(events);
        Outcome o = run(mode);
        assertContents(o, expected.toArray(String[]::new));
        assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.partialContent()).isEqualTo(String.join("", expected));
            assertThat(e.getCause()).isInstanceOf(NetworkException.class);
            assertThat(e.getMessage()).contains("broke off");
        });
        assertThat(outcomes).containsExactly("callFailed StreamException");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void silenceAfterTheFirstChunksEndsWithTheirContentAndATimeoutCause(Mode mode) throws Exception {
        try (HostileServer stalling = new HostileServer((out, s) -> {
            out.write(HostileServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                    + chunk("Hel") + chunk("lo")));
            out.flush();
            s.awaitClose();
        })) {
            client.close();
            client = client(builder().baseUrl(stalling.baseUrl()).readTimeout(Duration.ofMillis(300)));
            Outcome o = run(mode);
            assertContents(o, "Hel", "lo");
            assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
                assertThat(e.partialContent()).isEqualTo("Hello");
                assertThat(e.getCause()).isInstanceOf(GroqTimeoutException.class).hasMessageContaining("readTimeout");
                assertThat(e.getMessage()).contains("timed out");
            });
            assertThat(outcomes).containsExactly("callFailed StreamException");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"ITERATE", "PUBLISHER"})
    void lineThatNeverEndsFailsWithResponseTooLargeAndTheExchangeIsAborted(Mode mode) throws Exception {
        server.sseEndlessLine(64 << 10, 64L << 20);
        Outcome o = run(mode);
        assertContents(o);
        assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.getCause()).isInstanceOfSatisfying(ResponseTooLargeException.class,
                    tooLarge -> assertThat(tooLarge.limitBytes()).isEqualTo(4 << 20));
            assertThat(e.getMessage()).contains("too large");
        });
        assertThat(outcomes).containsExactly("callFailed StreamException");
        assertThat(server.awaitClientAbort()).as("the client stopped reading the endless line").isTrue();
    }

    private static void assertContents(Outcome o, String... expected) {
        if (o.contents() != null) assertThat(o.contents()).containsExactly(expected);
    }

    /** Reads one stream of {@link #HELLO} the given way, to its end or failure (bounded: 20 s). */
    private Outcome run(Mode mode) throws Exception {
        List<String> contents = Collections.synchronizedList(new ArrayList<>());
        switch (mode) {
            case ITERATE:
                try (ChatStream stream = client.chat().stream(HELLO)) {
                    for (ChatCompletionChunk c : stream) contents.add(c.choices().get(0).delta().content());
                    return new Outcome(contents, null);
                } catch (GroqException e) {
                    return new Outcome(contents, e);
                }
            case ACCUMULATE:
                try {
                    client.chat().stream(HELLO).accumulate();
                    return new Outcome(null, null);
                } catch (GroqException e) {
                    return new Outcome(null, e);
                }
            case PUBLISHER:
                return publisher(contents);
            case HANDLER:
                return handler(contents);
            default:
                throw new AssertionError(mode);
        }
    }

    /** A subscriber that asks for one chunk at a time, so chunks wait in the publisher as the failure comes. */
    private Outcome publisher(List<String> contents) throws InterruptedException {
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        client.async().chat().stream(HELLO).subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;
            @Override public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }
            @Override public void onNext(ChatCompletionChunk c) {
                contents.add(c.choices().get(0).delta().content());
                subscription.request(1);
            }
            @Override public void onError(Throwable t) {
                error.set(t);
                done.countDown();
            }
            @Override public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(20, TimeUnit.SECONDS)).as("the stream ended").isTrue();
        return new Outcome(contents, error.get());
    }

    private Outcome handler(List<String> contents) throws Exception {
        AtomicReference<GroqException> told = new AtomicReference<>();
        try {
            client.async().chat().stream(HELLO, new ChatStreamHandler() {
                @Override public void onChunk(ChatCompletionChunk c) {
                    contents.add(c.choices().get(0).delta().content());
                }
                @Override public void onComplete(ChatCompletion completion) { }
                @Override public void onError(GroqException error) { told.set(error); }
            }).get(20, TimeUnit.SECONDS);
            return new Outcome(contents, null);
        } catch (ExecutionException e) {
            assertThat(told.get()).as("the handler was told").isSameAs(e.getCause());
            return new Outcome(contents, e.getCause());
        }
    }
}
