package dev.groqj.batches;

import dev.groqj.GroqResponse;
import dev.groqj.Page;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.CursorPage;
import dev.groqj.internal.Futures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link BatchesService} without blocking: the same calls with {@link CompletableFuture} results; cancelling one
 * aborts its HTTP exchange (it does not cancel the batch: that is {@link #cancel(String)}). Obtained from
 * {@code client.async().batches()}.
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

    AsyncBatchesService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<Batch> create(BatchCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Batch> create(BatchCreateRequest request, RequestOptions options) {
        return api.callAsync(BatchesService.CREATE, request, options);
    }

    public CompletableFuture<GroqResponse<Batch>> createWithResponse(BatchCreateRequest request,
                                                                    RequestOptions options) {
        return api.executeAsync(BatchesService.CREATE, request, options);
    }

    public CompletableFuture<Batch> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Batch> retrieve(String id, RequestOptions options) {
        return api.callAsync(BatchesService.RETRIEVE, id, options);
    }

    public CompletableFuture<GroqResponse<Batch>> retrieveWithResponse(String id, RequestOptions options) {
        return api.executeAsync(BatchesService.RETRIEVE, id, options);
    }

    /** The first page of batches; {@link Page#nextPageAsync()} fetches the next. */
    public CompletableFuture<Page<Batch>> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<Page<Batch>> list(RequestOptions options) {
        return Futures.map(listWithResponse(options), GroqResponse::value);
    }

    public CompletableFuture<GroqResponse<Page<Batch>>> listWithResponse(RequestOptions options) {
        return CursorPage.firstAsync(api, BatchesService.LIST, options);
    }

    public CompletableFuture<Batch> cancel(String id) {
        return cancel(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Batch> cancel(String id, RequestOptions options) {
        return api.callAsync(BatchesService.CANCEL, id, options);
    }

    public CompletableFuture<GroqResponse<Batch>> cancelWithResponse(String id, RequestOptions options) {
        return api.executeAsync(BatchesService.CANCEL, id, options);
    }

    /** {@link BatchesService#results}: the output file's lines, then the error file's, both fetched at once. */
    public CompletableFuture<List<BatchOutputLine>> results(Batch batch) {
        return results(batch, RequestOptions.DEFAULT);
    }

    public CompletableFuture<List<BatchOutputLine>> results(Batch batch, RequestOptions options) {
        CompletableFuture<List<BatchOutputLine>> lines = CompletableFuture.completedFuture(List.of());
        for (String fileId : BatchesService.resultFiles(batch)) {
            CompletableFuture<List<BatchOutputLine>> file = api.callAsync(BatchesService.RESULT_FILE, fileId, options);
            lines = lines.thenCombine(file, (before, more) -> {
                List<BatchOutputLine> all = new ArrayList<>(before);
                all.addAll(more);
                return all;
            });
        }
        return lines;
    }
}
