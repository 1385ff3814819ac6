package dev.groqj.models;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Futures;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelsService} without blocking: the same calls with {@link CompletableFuture} results; cancelling
 * one aborts its HTTP exchange.
 *
 * <pre>{@code
 * client.async().models().list().thenAccept(list -> list.data().forEach(m -> System.out.println(m.id())));
 * }</pre>
 *
 * <p>An invalid id throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncModelsService {
    private final ApiClient api;

    public AsyncModelsService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public CompletableFuture<ModelList> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<ModelList> list(RequestOptions options) {
        return Futures.map(listWithResponse(options), GroqResponse::value);
    }

    /** The list with the HTTP answer's status and headers. */
    public CompletableFuture<GroqResponse<ModelList>> listWithResponse(RequestOptions options) {
        return api.getAsync("models.list", "/models", ModelList.class, options);
    }

    public CompletableFuture<Model> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Model> retrieve(String id, RequestOptions options) {
        return Futures.map(api.getAsync("models.retrieve", ModelsService.path(id), Model.class, options),
                GroqResponse::value);
    }

    public CompletableFuture<ModelDeleted> delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<ModelDeleted> delete(String id, RequestOptions options) {
        return Futures.map(api.deleteAsync("models.delete", ModelsService.path(id), ModelDeleted.class, options),
                GroqResponse::value);
    }
}
