package dev.groqj.responses;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.error.GroqException;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.EventPublisher;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The Responses API without blocking: {@link ResponsesService}'s calls with {@link CompletableFuture} results and
 * streams as {@link Flow.Publisher}s. Cancelling a future (or a stream's subscription) aborts the HTTP exchange.
 * Obtained from {@code client.async().responses()}.
 *
 * <pre>{@code
 * client.async().responses().create(request).thenAccept(r -> System.out.println(r.outputText()));
 * client.async().responses().stream(request).subscribe(mySubscriber);      // honours request(n)
 * client.async().responses().stream(request, RequestOptions.DEFAULT, event -> { ... }).join();  // then the Response
 * }</pre>
 *
 * <p>An invalid argument throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncResponsesService {
    private final ApiClient api;

    AsyncResponsesService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<Response> create(ResponseRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Response> create(ResponseRequest request, RequestOptions options) {
        return api.callAsync(ResponsesService.CREATE, request, options);
    }

    /** The response with the HTTP answer's status and headers. */
    public CompletableFuture<GroqResponse<Response>> createWithResponse(ResponseRequest request,
                                                                       RequestOptions options) {
        return api.executeAsync(ResponsesService.CREATE, request, options);
    }

    /** {@link ResponsesService#create(ResponseRequest, Class)} without blocking. */
    public <T> CompletableFuture<StructuredResponse<T>> create(ResponseRequest request, Class<T> type) {
        return create(request, type, RequestOptions.DEFAULT);
    }

    public <T> CompletableFuture<StructuredResponse<T>> create(ResponseRequest request, Class<T> type,
                                                             RequestOptions options) {
        return create(TypedResponses.request(request, type), options).thenApply(r -> TypedResponses.parse(r, type));
    }

    /**
     * {@link ResponsesService#runTools(ResponseRequest, List, ToolRunOptions)} without blocking: no thread waits
     * for the model, and the handlers run on the options' executor (by default virtual threads where the JDK has
     * them).
     */
    public CompletableFuture<ResponseToolRun> runTools(ResponseRequest request, List<FunctionTool<?>> tools) {
        return runTools(request, tools, ToolRunOptions.DEFAULT);
    }

    public CompletableFuture<ResponseToolRun> runTools(ResponseRequest request, List<FunctionTool<?>> tools,
                                                       ToolRunOptions options) {
        return new ResponseToolRunner(request, tools, options).runAsync(r -> create(r, options.requestOptions()));
    }

    public Flow.Publisher<ResponseEvent> stream(ResponseRequest request) {
        return stream(request, RequestOptions.DEFAULT);
    }

    /**
     * The events as they arrive. Each {@code subscribe} starts its own call; the body is read only as fast as the
     * subscriber requests events. An error inside the stream arrives through {@code onError} as a
     * {@link dev.groqj.error.StreamException} with the text so far; {@code cancel()} aborts the exchange.
     */
    public Flow.Publisher<ResponseEvent> stream(ResponseRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return new EventPublisher<>(() -> api.openStreamAsync(ResponsesService.STREAM, request, options),
                ResponseEvents::new);
    }

    /**
     * Streams to {@code onEvent}; the future completes with the whole response, or fails with the stream's
     * error (or what {@code onEvent} threw); cancelling it cancels the stream.
     */
    public CompletableFuture<Response> stream(ResponseRequest request, RequestOptions options,
                                              Consumer<? super ResponseEvent> onEvent) {
        Objects.requireNonNull(onEvent, "onEvent == null");
        CompletableFuture<Response> result = new CompletableFuture<>();
        stream(request, options).subscribe(new Flow.Subscriber<>() {
            private final ResponseEvents state = new ResponseEvents();
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                result.whenComplete((r, e) -> {
                    if (result.isCancelled()) s.cancel();
                });
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ResponseEvent event) {
                state.add(event);
                try {
                    onEvent.accept(event);
                } catch (RuntimeException e) {
                    subscription.cancel();
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                Response response = state.response();
                if (response == null) {
                    result.completeExceptionally(new GroqException("the stream ended before Groq sent the response"));
                } else {
                    result.complete(response);
                }
            }
        });
        return result;
    }
}
