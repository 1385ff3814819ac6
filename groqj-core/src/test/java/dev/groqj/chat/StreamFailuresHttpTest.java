package dev.groqj.chat;

import dev.groqj.GroqClient;
import dev.groqj.ScriptedServer;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ResponseTooLargeException;
import dev.groqj.error.StreamException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import dev.groqj.transport.AsyncStreamingResponse;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpRequest;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.HttpTransport;
import dev.groqj.transport.JdkHttpTransport;
import dev.groqj.transport.StreamingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = client(null);
    }

    /** A client of {@link #server} that records outcomes; over {@code transport}, or the default one when null. */
    private GroqClient client(HttpTransport transport) {
        GroqClient.Builder builder = GroqClient.builder().apiKey("gsk_test_abcdefghijklmnop1234")
                .baseUrl(server.baseUrl());
        if (transport != null) builder.transport(transport);
        return builder.maxRetries(0).addListener(new GroqListener() {
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
            assertThat(e.rawBody()).hasSize(ChatEvents.MAX_ERROR_BODY_BYTES);
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
    void groqExceptionFromTheBodyIsTheCauseAsItIs(Mode mode) throws Exception {
        client.close();
        client = client(new TimeoutOnCutTransport(JdkHttpTransport.create(Duration.ofSeconds(5))));
        server.sseCut(List.of(chunk("Hel"), chunk("lo")));
        Outcome o = run(mode);
        assertContents(o, "Hel", "lo");
        assertThat(o.error()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.partialContent()).isEqualTo("Hello");
            assertThat(e.getCause()).isInstanceOf(GroqTimeoutException.class).hasMessage("silent too long");
            assertThat(e.getMessage()).contains("timed out");
        });
        assertThat(outcomes).containsExactly("callFailed StreamException");
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

    /**
     * A custom transport over the JDK one whose streamed bodies fail as the transport rewrite makes them fail:
     * with an unchecked {@link GroqTimeoutException} from {@code read()} or to {@code onError}, here when the
     * connection is cut.
     */
    private static final class TimeoutOnCutTransport implements HttpTransport {
        private final HttpTransport jdk;

        TimeoutOnCutTransport(HttpTransport jdk) {
            this.jdk = jdk;
        }

        private static GroqTimeoutException timeout(Throwable cut) {
            return new GroqTimeoutException("silent too long", cut);
        }

        @Override public HttpResponse send(HttpRequest request) { return jdk.send(request); }
        @Override public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) { return jdk.sendAsync(request); }
        @Override public void close() { jdk.close(); }

        @Override
        public StreamingResponse sendStreaming(HttpRequest request) {
            StreamingResponse r = jdk.sendStreaming(request);
            InputStream timingOut = new InputStream() {
                @Override public int read() {
                    throw new UnsupportedOperationException();
                }
                @Override public int read(byte[] b, int off, int len) {
                    try {
                        return r.body().read(b, off, len);
                    } catch (IOException cut) {
                        throw timeout(cut);
                    }
                }
            };
            return new StreamingResponse() {
                @Override public int statusCode() { return r.statusCode(); }
                @Override public Headers headers() { return r.headers(); }
                @Override public InputStream body() { return timingOut; }
                @Override public void close() { r.close(); }
            };
        }

        @Override
        public CompletableFuture<AsyncStreamingResponse> sendStreamingAsync(HttpRequest request) {
            return jdk.sendStreamingAsync(request).thenApply(r -> new AsyncStreamingResponse() {
                @Override public int statusCode() { return r.statusCode(); }
                @Override public Headers headers() { return r.headers(); }
                @Override public void close() { r.close(); }
                @Override public Flow.Publisher<List<ByteBuffer>> body() {
                    return subscriber -> r.body().subscribe(new Flow.Subscriber<>() {
                        @Override public void onSubscribe(Flow.Subscription s) { subscriber.onSubscribe(s); }
                        @Override public void onNext(List<ByteBuffer> item) { subscriber.onNext(item); }
                        @Override public void onError(Throwable cut) { subscriber.onError(timeout(cut)); }
                        @Override public void onComplete() { subscriber.onComplete(); }
                    });
                }
            });
        }
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
