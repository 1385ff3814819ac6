package dev.groqj.finetunings;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;

import java.util.concurrent.CompletableFuture;

/**
 * {@link FineTuningsService} without blocking; cancelling a future aborts its HTTP exchange. Obtained from
 * {@code client.async().fineTunings()}.
 *
 * <pre>{@code
 * client.async().fineTunings().list().thenAccept(list -> list.data().forEach(ft -> System.out.println(ft.id())));
 * }</pre>
 *
 * <p>An invalid request or id throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncFineTuningsService {
    private final ApiClient api;

    AsyncFineTuningsService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<FineTuningList> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<FineTuningList> list(RequestOptions options) {
        return api.callAsync(FineTuningsService.LIST, null, options);
    }

    public CompletableFuture<GroqResponse<FineTuningList>> listWithResponse(RequestOptions options) {
        return api.executeAsync(FineTuningsService.LIST, null, options);
    }

    public CompletableFuture<FineTuningResult> create(FineTuningCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FineTuningResult> create(FineTuningCreateRequest request, RequestOptions options) {
        return api.callAsync(FineTuningsService.CREATE, request, options);
    }

    public CompletableFuture<GroqResponse<FineTuningResult>> createWithResponse(FineTuningCreateRequest request,
                                                                               RequestOptions options) {
        return api.executeAsync(FineTuningsService.CREATE, request, options);
    }

    public CompletableFuture<FineTuningResult> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FineTuningResult> retrieve(String id, RequestOptions options) {
        return api.callAsync(FineTuningsService.RETRIEVE, id, options);
    }

    public CompletableFuture<GroqResponse<FineTuningResult>> retrieveWithResponse(String id,
                                                                                 RequestOptions options) {
        return api.executeAsync(FineTuningsService.RETRIEVE, id, options);
    }

    public CompletableFuture<FineTuningDeleted> delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FineTuningDeleted> delete(String id, RequestOptions options) {
        return api.callAsync(FineTuningsService.DELETE, id, options);
    }

    public CompletableFuture<GroqResponse<FineTuningDeleted>> deleteWithResponse(String id,
                                                                                RequestOptions options) {
        return api.executeAsync(FineTuningsService.DELETE, id, options);
    }
}
