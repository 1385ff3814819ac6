package dev.groqj.models;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;

import java.util.concurrent.CompletableFuture;

/**
 * {@link ModelsService} without blocking: the same calls with {@link CompletableFuture} results; cancelling
 * one aborts its HTTP exchange. Obtained from {@code client.async().models()}.
 *
 * <pre>{@code
 * client.async().models().list().thenAccept(list -> list.data().forEach(m -> System.out.println(m.id())));
 * }</pre>
 *
 * <p>An invalid id throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncModelsService {
    private final ApiClient api;

    AsyncModelsService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<ModelList> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<ModelList> list(RequestOptions options) {
        return api.callAsync(ModelsService.LIST, null, options);
    }

    /** The list with the HTTP answer's status and headers. */
    public CompletableFuture<GroqResponse<ModelList>> listWithResponse(RequestOptions options) {
        return api.executeAsync(ModelsService.LIST, null, options);
    }

    public CompletableFuture<Model> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Model> retrieve(String id, RequestOptions options) {
        return api.callAsync(ModelsService.RETRIEVE, id, options);
    }

    public CompletableFuture<GroqResponse<Model>> retrieveWithResponse(String id, RequestOptions options) {
        return api.executeAsync(ModelsService.RETRIEVE, id, options);
    }

    public CompletableFuture<ModelDeleted> delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<ModelDeleted> delete(String id, RequestOptions options) {
        return api.callAsync(ModelsService.DELETE, id, options);
    }

    public CompletableFuture<GroqResponse<ModelDeleted>> deleteWithResponse(String id, RequestOptions options) {
        return api.executeAsync(ModelsService.DELETE, id, options);
    }
}
