package dev.groqj;

import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStreamHandler;
import dev.groqj.chat.Message;
import dev.groqj.error.GroqException;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.StreamException;
import dev.groqj.models.ModelList;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.transport.JdkHttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code client.async()} against a scripted server on loopback. */
class AsyncClientHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    private static final ChatRequest HELLO = ChatRequest.builder().model("llama-3.1-8b-instant")
            .addMessage(Message.user("Hello")).build();
    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"llama-3.1-8b-instant\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hi!\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
            + "\"total_tokens\":15,\"queue_time\":0.02,\"prompt_time\":0.001,\"completion_time\":0.004,\"total_time\":0.005},"
            + "\"x_groq\":{\"id\":\"req_abc\"}}";

    private ScriptedServer server;
    private GroqClient client;
    private final List<ResponseInfo> responses = Collections.synchronizedList(new ArrayList<>());
    private final GroqListener recorder = new GroqListener() {
        @Override public void responseReceived(CallInfo call, ResponseInfo response) {
            responses.add(response);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0).addListener(recorder).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String chunk(String content) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}\n\n";
    }

    @Test
    void asyncCreateReturnsTheCompletionAndReportsWhatItSaid() throws Exception {
        server.json(200, COMPLETION, "x-request-id", "req_abc");
        ChatCompletion c = client.async().chat().create(HELLO).get(10, TimeUnit.SECONDS);
        assertThat(c.choices().get(0).message().content()).isEqualTo("Hi!");
        ScriptedServer.Recorded sent = server.takeRequest();
        assertThat(sent.rawPath()).isEqualTo("/openai/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(responses).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("chatcmpl-1");
            assertThat(r.model()).isEqualTo("llama-3.1-8b-instant");
            assertThat(r.finishReasons()).containsExactly("stop");
            assertThat(r.usage().promptTokens()).isEqualTo(12);
            assertThat(r.queueTime()).isEqualTo(Duration.ofMillis(20));
            assertThat(r.requestId()).isEqualTo("req_abc");
        });
    }

    @Test
    void asyncModelsListAndRetrieveEncodeTheId() throws Exception {
        server.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"openai/gpt-oss-120b\",\"object\":\"model\"}]}");
        server.json(200, "{\"id\":\"openai/gpt-oss-120b\",\"object\":\"model\"}");
        ModelList list = client.async().models().list().get(10, TimeUnit.SECONDS);
        assertThat(list.data()).extracting("id").containsExactly("openai/gpt-oss-120b");
        assertThat(client.async().models().retrieve("openai/gpt-oss-120b").get(10, TimeUnit.SECONDS).id())
                .isEqualTo("openai/gpt-oss-120b");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/models");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/models/openai%2Fgpt-oss-120b");
    }

    @Test
    void asyncErrorStatusFailsTheFutureWithTheTypedException() {
        server.json(404, "{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\","
                + "\"code\":\"model_not_found\"}}");
        assertThatThrownBy(() -> client.async().chat().create(HELLO).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("model_not_found"));
    }

    @Test
    void http503ThenSuccessIsRetriedThroughTheDelayScheduler() throws Exception {
        List<Duration> scheduled = Collections.synchronizedList(new ArrayList<>());
        try (GroqClient retrying = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .retryConfig(RetryConfig.builder().maxRetries(2).build())
                .delayScheduler(delay -> {
                    scheduled.add(delay);
                    return CompletableFuture.completedFuture(null);
                })
                .sleeper(d -> { throw new AssertionError("an async call must not sleep"); })
                .build()) {
            server.json(503, "{\"error\":{\"message\":\"over capacity\"}}");
            server.json(200, COMPLETION);
            ChatCompletion c = retrying.async().chat().create(HELLO).get(10, TimeUnit.SECONDS);
            assertThat(c.id()).isEqualTo("chatcmpl-1");
        }
        assertThat(scheduled).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void cancellingTheFutureAbortsTheExchange() throws Exception {
        // a body that never ends: the future can only finish by being cancelled
        server.enqueue(Scripted.sse("{\"id\":").repeatLast(1_000_000));
        CompletableFuture<ChatCompletion> call = client.async().chat().create(HELLO);
        server.takeRequest();
        call.cancel(true);
        assertThat(server.awaitClientAbort()).as("server saw the client abort").isTrue();
        assertThat(call).isCancelled();
    }

    @Test
    void subscriberRequestingOneAtATimeSeesTheChunksInOrder() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) events.add(chunk("t" + i + " "));
        events.add("data: [DONE]\n\n");
        server.sse(events, 5); // pieces smaller than an event
        OneAtATime subscriber = new OneAtATime(Long.MAX_VALUE);
        client.async().chat().stream(HELLO).subscribe(subscriber);
        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error.get()).isNull();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) expected.add("t" + i + " ");
        assertThat(subscriber.contents).containsExactlyElementsOf(expected);
        assertThat(subscriber.maxOutstanding.get()).as("never more chunks than requested").isEqualTo(1);
        assertThat(responses).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("c1"));
    }

    @Test
    void cancellingTheSubscriptionAbortsTheExchange() throws Exception {
        server.sseEndless(chunk("tok "));
        OneAtATime subscriber = new OneAtATime(3);
        client.async().chat().stream(HELLO).subscribe(subscriber);
        assertThat(server.awaitClientAbort()).as("server saw the client abort").isTrue();
        assertThat(subscriber.contents).containsExactly("tok ", "tok ", "tok ");
        assertThat(subscriber.done.getCount()).as("no onComplete after cancel").isEqualTo(1);
    }

    @Test
    void cancellingBeforeTheStreamOpensAbortsTheExchange() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.enqueue(Scripted.sse(chunk("tok ")).repeatLast(1_000_000).holdUntil(release));
        OneAtATime subscriber = new OneAtATime(Long.MAX_VALUE);
        client.async().chat().stream(HELLO).subscribe(subscriber);
        server.takeRequest();
        subscriber.subscription.cancel();
        release.countDown();
        assertThat(server.awaitClientAbort()).as("server saw the client abort").isTrue();
        assertThat(subscriber.contents).isEmpty();
        assertThat(subscriber.done.getCount()).as("no signal after cancel").isEqualTo(1);
    }

    @Test
    void inStreamErrorArrivesThroughOnErrorWithThePartialContent() throws Exception {
        server.sse(List.of(chunk("Hel"), chunk("lo"),
                "event: error\ndata: {\"error\":{\"message\":\"Failed to call a function.\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"tool_use_failed\",\"status_code\":400}}\n\n"), 0);
        OneAtATime subscriber = new OneAtATime(Long.MAX_VALUE);
        client.async().chat().stream(HELLO).subscribe(subscriber);
        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.contents).containsExactly("Hel", "lo");
        assertThat(subscriber.error.get()).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("tool_use_failed");
            assertThat(e.partialContent()).isEqualTo("Hello");
        });
    }

    @Test
    void errorStatusBeforeTheStreamOpensArrivesThroughOnError() throws Exception {
        server.json(404, "{\"error\":{\"message\":\"no\",\"code\":\"model_not_found\"}}");
        OneAtATime subscriber = new OneAtATime(Long.MAX_VALUE);
        client.async().chat().stream(HELLO).subscribe(subscriber);
        assertThat(subscriber.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error.get()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void callbackFormDeliversChunksThenTheWholeCompletion() throws Exception {
        server.sse(List.of(chunk("Hel"), chunk("lo"), "data: [DONE]\n\n"), 3);
        StringBuilder seen = new StringBuilder();
        AtomicReference<ChatCompletion> completed = new AtomicReference<>();
        ChatCompletion whole = client.async().chat().stream(HELLO, new ChatStreamHandler() {
            @Override public void onChunk(ChatCompletionChunk chunk) { seen.append(chunk.choices().get(0).delta().content()); }
            @Override public void onComplete(ChatCompletion completion) { completed.set(completion); }
            @Override public void onError(GroqException error) { throw new AssertionError(error); }
        }).get(10, TimeUnit.SECONDS);
        assertThat(seen).hasToString("Hello");
        assertThat(whole.choices().get(0).message().content()).isEqualTo("Hello");
        assertThat(completed.get()).isSameAs(whole);
    }

    @Test
    void thousandConcurrentCallsCompleteOnAFewThreads() throws Exception {
        int calls = 1_000;
        CountDownLatch manyArrived = new CountDownLatch(100);
        CountDownLatch release = new CountDownLatch(1);
        server.otherwise(r -> {
            manyArrived.countDown();
            return Scripted.json(200, COMPLETION).holdUntil(release);
        });
        ExecutorService clientThreads = Executors.newFixedThreadPool(2, r -> new Thread(r, "async-test-http"));
        Set<Long> before = liveThreadIds();
        try (GroqClient small = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0)
                .transport(new JdkHttpTransport(HttpClient.newBuilder().executor(clientThreads).build())).build()) {
            List<CompletableFuture<ChatCompletion>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) futures.add(small.async().chat().create(HELLO));
            assertThat(manyArrived.await(30, TimeUnit.SECONDS)).as("calls reached the server").isTrue();
            // every answer is held back, so all 1,000 calls are in flight now (sent, or waiting to connect)
            assertThat(futures).noneMatch(CompletableFuture::isDone);
            List<String> whileInFlight = newClientThreads(before);
            release.countDown();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(futures).allSatisfy(f -> assertThat(f.join().id()).isEqualTo("chatcmpl-1"));
            // the scripted server's own threads (one per exchange) are not the client's
            assertThat(whileInFlight).as("client threads with %d calls in flight: %s", calls, whileInFlight)
                    .hasSizeLessThan(6);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private static Set<Long> liveThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    }

    private static List<String> newClientThreads(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t.getId()))
                .map(Thread::getName)
                .filter(name -> !name.startsWith("pool-")) // ScriptedServer's cached pool
                .collect(Collectors.toList());
    }

    /** Requests one chunk, and the next only after the last arrived; cancels after {@code limit} chunks. */
    private static final class OneAtATime implements Flow.Subscriber<ChatCompletionChunk> {
        final List<String> contents = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger maxOutstanding = new AtomicInteger();
        private final long limit;
        volatile Flow.Subscription subscription;

        OneAtATime(long limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            outstanding.incrementAndGet();
            s.request(1);
        }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            int received = 1 - outstanding.decrementAndGet();
            maxOutstanding.accumulateAndGet(received, Math::max);
            contents.add(chunk.choices().get(0).delta().content());
            if (contents.size() >= limit) {
                subscription.cancel();
                return;
            }
            outstanding.incrementAndGet();
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }
}
