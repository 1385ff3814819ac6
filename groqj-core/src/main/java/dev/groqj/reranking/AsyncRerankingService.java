package dev.groqj.reranking;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;

import java.util.concurrent.CompletableFuture;

/**
 * {@link RerankingService} without blocking; cancelling a future aborts its HTTP exchange. Obtained from
 * {@code client.async().reranking()}.
 *
 * <pre>{@code
 * client.async().reranking().create(request).thenAccept(r -> show(r.results()));
 * }</pre>
 *
 * <p>An invalid request throws at once, as in the blocking call; everything after fails the future.
 */
public final class AsyncRerankingService {
    private final ApiClient api;

    AsyncRerankingService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<Reranking> create(RerankingRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Reranking> create(RerankingRequest request, RequestOptions options) {
        return api.callAsync(RerankingService.CREATE, request, options);
    }

    public CompletableFuture<GroqResponse<Reranking>> createWithResponse(RerankingRequest request,
                                                                        RequestOptions options) {
        return api.executeAsync(RerankingService.CREATE, request, options);
    }
}
