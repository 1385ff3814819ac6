package dev.groqj.batches;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Futures;
import dev.groqj.internal.Json;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link BatchesService} without blocking: the same calls with {@link CompletableFuture} results; cancelling one
 * aborts its HTTP exchange (it does not cancel the batch: that is {@link #cancel(String)}).
 *
 * <pre>{@code
 * client.async().batches().create(BatchCreateRequest.builder().inputFileId(fileId).build())
 *     .thenAccept(b -> System.out.println(b.id() + " " + b.status()));
 * }</pre>
 *
 * <p>An invalid argument throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncBatchesService {
    private final ApiClient api;

    public AsyncBatchesService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public CompletableFuture<Batch> create(BatchCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Batch> create(BatchCreateRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return Futures.map(api.postJsonAsync(ApiClient.call("batches.create", "POST", "/batches"),
                Json.write(request), Batch.class, options, batch -> null), GroqResponse::value);
    }

    public CompletableFuture<Batch> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Batch> retrieve(String id, RequestOptions options) {
        return Futures.map(api.getAsync("batches.retrieve", BatchesService.path(id), Batch.class, options),
                GroqResponse::value);
    }

    public CompletableFuture<BatchList> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<BatchList> list(RequestOptions options) {
        return Futures.map(api.getAsync("batches.list", "/batches", BatchList.class, options), GroqResponse::value);
    }

    public CompletableFuture<Batch> cancel(String id) {
        return cancel(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Batch> cancel(String id, RequestOptions options) {
        return Futures.map(api.postJsonAsync(ApiClient.call("batches.cancel", "POST", BatchesService.cancelPath(id)),
                new byte[0], Batch.class, options, batch -> null), GroqResponse::value);
    }
}
