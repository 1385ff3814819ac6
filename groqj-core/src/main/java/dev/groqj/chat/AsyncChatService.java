package dev.groqj.chat;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.error.GroqException;
import dev.groqj.internal.ApiClient;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Chat completions without blocking: {@link ChatService}'s calls with {@link CompletableFuture} results and
 * streams as {@link Flow.Publisher}s. No thread waits while a call is in flight; retry backoffs and rate-limit
 * waits are scheduled. Cancelling a future (or a stream's subscription) aborts the HTTP exchange.
 *
 * <pre>{@code
 * client.async().chat().create(request).thenAccept(c -> System.out.println(c.choices().get(0).message().content()));
 * client.async().chat().stream(request).subscribe(mySubscriber);      // honours request(n)
 * client.async().chat().stream(request, handler).join();              // callbacks, then the whole completion
 * }</pre>
 *
 * <p>An invalid argument throws at once, as in the blocking calls; everything after fails the future. Obtained
 * from {@code client.async().chat()}.
 */
public final class AsyncChatService {
    private final ApiClient api;

    AsyncChatService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<ChatCompletion> create(ChatRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<ChatCompletion> create(ChatRequest request, RequestOptions options) {
        return api.callAsync(ChatService.CREATE, request, options);
    }

    /** The completion with the HTTP answer's status and headers. */
    public CompletableFuture<GroqResponse<ChatCompletion>> createWithResponse(ChatRequest request,
                                                                             RequestOptions options) {
        return api.executeAsync(ChatService.CREATE, request, options);
    }

    /** {@link ChatService#create(ChatRequest, Class)} without blocking. */
    public <T> CompletableFuture<StructuredCompletion<T>> create(ChatRequest request, Class<T> type) {
        return create(request, type, RequestOptions.DEFAULT);
    }

    public <T> CompletableFuture<StructuredCompletion<T>> create(ChatRequest request, Class<T> type,
                                                               RequestOptions options) {
        return create(StructuredOutputs.request(request, type), options)
                .thenApply(c -> StructuredOutputs.parse(c, type));
    }

    /**
     * {@link ChatService#runTools(ChatRequest, List, ToolRunOptions)} without blocking: no thread waits for the
     * model, and the handlers run on the options' executor (by default virtual threads where the JDK has them).
     */
    public CompletableFuture<ToolRun> runTools(ChatRequest request, List<FunctionTool<?>> tools) {
        return runTools(request, tools, ToolRunOptions.DEFAULT);
    }

    public CompletableFuture<ToolRun> runTools(ChatRequest request, List<FunctionTool<?>> tools,
                                               ToolRunOptions options) {
        return new ToolRunner(request, tools, options).runAsync(r -> create(r, options.requestOptions()));
    }

    /** {@link #stream(ChatRequest, RequestOptions)} with the default options. */
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request) {
        return stream(request, RequestOptions.DEFAULT);
    }

    /**
     * The completion's chunks as they arrive. Each {@code subscribe} starts its own call; the body is read
     * only as fast as the subscriber requests chunks. A failure before the stream opens is retried like any
     * call; after it, never. An error inside the stream arrives through {@code onError} as a
     * {@link dev.groqj.error.StreamException} with the content so far; {@code cancel()} aborts the exchange.
     */
    public Flow.Publisher<ChatCompletionChunk> stream(ChatRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return new ChunkPublisher(() -> api.openStreamAsync(ChatService.STREAM, request, options));
    }

    /** {@link #stream(ChatRequest, RequestOptions, ChatStreamHandler)} with the default options. */
    public CompletableFuture<ChatCompletion> stream(ChatRequest request, ChatStreamHandler handler) {
        return stream(request, RequestOptions.DEFAULT, handler);
    }

    /**
     * Streams to callbacks. The future completes with the whole completion (after {@code onComplete}) or fails
     * with the error {@code onError} saw; cancelling it cancels the stream.
     */
    public CompletableFuture<ChatCompletion> stream(ChatRequest request, RequestOptions options,
                                                    ChatStreamHandler handler) {
        Objects.requireNonNull(handler, "handler == null");
        CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
        stream(request, options).subscribe(new HandlerSubscriber(handler, result));
        return result;
    }

    /** Requests everything (the body is still read one piece at a time) and forwards to the handler. */
    private static final class HandlerSubscriber implements Flow.Subscriber<ChatCompletionChunk> {
        private final ChatStreamHandler handler;
        private final CompletableFuture<ChatCompletion> result;
        private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
        private Flow.Subscription subscription;

        HandlerSubscriber(ChatStreamHandler handler, CompletableFuture<ChatCompletion> result) {
            this.handler = handler;
            this.result = result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            result.whenComplete((c, e) -> {
                if (result.isCancelled()) s.cancel();
            });
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            accumulator.add(chunk);
            try {
                handler.onChunk(chunk);
            } catch (RuntimeException e) {
                subscription.cancel();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable error) {
            GroqException e = error instanceof GroqException ? (GroqException) error
                    : new GroqException("stream failed: " + error, error);
            try {
                handler.onError(e);
            } finally {
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onComplete() {
            ChatCompletion completion = accumulator.build();
            try {
                handler.onComplete(completion);
            } finally {
                result.complete(completion);
            }
        }
    }
}
