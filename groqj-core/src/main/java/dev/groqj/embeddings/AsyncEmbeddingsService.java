package dev.groqj.embeddings;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;

import java.util.concurrent.CompletableFuture;

/**
 * {@link EmbeddingsService} without blocking; cancelling a future aborts its HTTP exchange. Obtained from
 * {@code client.async().embeddings()}.
 *
 * <pre>{@code
 * client.async().embeddings().create(request).thenAccept(list -> index(list.data()));
 * }</pre>
 *
 * <p>An invalid request throws at once, as in the blocking call; everything after fails the future.
 */
public final class AsyncEmbeddingsService {
    private final ApiClient api;

    AsyncEmbeddingsService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<EmbeddingList> create(EmbeddingRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<EmbeddingList> create(EmbeddingRequest request, RequestOptions options) {
        return api.callAsync(EmbeddingsService.CREATE, request, options);
    }

    public CompletableFuture<GroqResponse<EmbeddingList>> createWithResponse(EmbeddingRequest request,
                                                                            RequestOptions options) {
        return api.executeAsync(EmbeddingsService.CREATE, request, options);
    }
}
