package dev.groqj;

import dev.groqj.internal.ApiClient;
import dev.groqj.internal.EventPublisher;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * {@link RawService}'s calls without blocking: the same paths, checks and answers, as {@link CompletableFuture}s
 * and a {@link Flow.Publisher} of events. Cancelling a future (or a subscription) aborts the exchange.
 *
 * <pre>{@code
 * client.async().raw().get("/models").thenAccept(r -> System.out.println(r.value().get("data")));
 * client.async().raw().stream("/chat/completions", body).subscribe(mySubscriber);
 * }</pre>
 *
 * <p>An invalid path throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncRawService {
    private final ApiClient api;

    AsyncRawService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public CompletableFuture<GroqResponse<JsonValue>> get(String path) {
        return get(path, RequestOptions.DEFAULT);
    }

    public CompletableFuture<GroqResponse<JsonValue>> get(String path, RequestOptions options) {
        return api.executeAsync(RawService.GET, new RawService.Call(path, null), options);
    }

    /** POSTs {@code body} as JSON. */
    public CompletableFuture<GroqResponse<JsonValue>> post(String path, JsonValue body) {
        return post(path, body, RequestOptions.DEFAULT);
    }

    public CompletableFuture<GroqResponse<JsonValue>> post(String path, JsonValue body, RequestOptions options) {
        return api.executeAsync(RawService.POST, new RawService.Call(path, body), options);
    }

    public CompletableFuture<GroqResponse<JsonValue>> delete(String path) {
        return delete(path, RequestOptions.DEFAULT);
    }

    public CompletableFuture<GroqResponse<JsonValue>> delete(String path, RequestOptions options) {
        return api.executeAsync(RawService.DELETE, new RawService.Call(path, null), options);
    }

    /** {@link #stream(String, JsonValue, RequestOptions)} with the default options. */
    public Flow.Publisher<JsonValue> stream(String path, JsonValue body) {
        return stream(path, body, RequestOptions.DEFAULT);
    }

    /**
     * The events of {@link RawService#stream(String, JsonValue, RequestOptions)}, published as the subscriber
     * asks for them; each {@code subscribe} starts its own call. Failures arrive through {@code onError}.
     */
    public Flow.Publisher<JsonValue> stream(String path, JsonValue body, RequestOptions options) {
        RawService.Call call = RawService.streamCall(path, body);
        return new EventPublisher<>(() -> api.openStreamAsync(RawService.STREAM, call, options), () -> RawService.EVENTS);
    }
}
