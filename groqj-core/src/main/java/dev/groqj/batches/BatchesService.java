package dev.groqj.batches;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.files.FilesService;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groq's Batch API: many chat requests run asynchronously, at a lower price, within a completion window.
 *
 * <pre>{@code
 * FileObject input = client.files().upload(BatchInput.builder()
 *         .addChat("q-1", request1).addChat("q-2", request2).build()
 *         .toUploadRequest("questions.jsonl"));
 * Batch batch = client.batches().create(BatchCreateRequest.builder().inputFileId(input.id()).build());
 * while (!batch.status().isTerminal()) {            // pause between polls: batches take minutes to hours
 *     batch = client.batches().retrieve(batch.id());
 * }
 * for (BatchOutputLine line : client.batches().results(batch)) { ... line.chatCompletion() ... }
 * }</pre>
 *
 * <p>Ids are sent as one percent-encoded path segment.
 */
public final class BatchesService {
    private final ApiClient api;
    private final FilesService files;

    public BatchesService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
        this.files = new FilesService(api);
    }

    public Batch create(BatchCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public Batch create(BatchCreateRequest request, RequestOptions options) {
        return createWithResponse(request, options).value();
    }

    /** The new batch with the HTTP answer's status and headers. */
    public GroqResponse<Batch> createWithResponse(BatchCreateRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return api.postJsonWithResponse(ApiClient.call("batches.create", "POST", "/batches"), Json.write(request),
                Batch.class, options, batch -> null);
    }

    public Batch retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public Batch retrieve(String id, RequestOptions options) {
        return retrieveWithResponse(id, options).value();
    }

    public GroqResponse<Batch> retrieveWithResponse(String id, RequestOptions options) {
        return api.getWithResponse("batches.retrieve", path(id), Batch.class, options);
    }

    public BatchList list() {
        return list(RequestOptions.DEFAULT);
    }

    public BatchList list(RequestOptions options) {
        return listWithResponse(options).value();
    }

    /** The list with the HTTP answer's status and headers. */
    public GroqResponse<BatchList> listWithResponse(RequestOptions options) {
        return api.getWithResponse("batches.list", "/batches", BatchList.class, options);
    }

    /** Asks Groq to stop the batch: it goes to {@code cancelling}, then {@code cancelled}. */
    public Batch cancel(String id) {
        return cancel(id, RequestOptions.DEFAULT);
    }

    public Batch cancel(String id, RequestOptions options) {
        return cancelWithResponse(id, options).value();
    }

    public GroqResponse<Batch> cancelWithResponse(String id, RequestOptions options) {
        return api.postJsonWithResponse(ApiClient.call("batches.cancel", "POST", cancelPath(id)), new byte[0],
                Batch.class, options, batch -> null);
    }

    /**
     * The typed results of a finished batch: the lines of its output file, then those of its error file; empty when
     * it has neither. Both files are read into memory; for large ones, stream them with
     * {@code files().content(id, path)} and {@link BatchOutputLine#parse(java.nio.file.Path)}.
     */
    public List<BatchOutputLine> results(Batch batch) {
        return results(batch, RequestOptions.DEFAULT);
    }

    public List<BatchOutputLine> results(Batch batch, RequestOptions options) {
        Objects.requireNonNull(batch, "batch == null");
        List<BatchOutputLine> lines = new ArrayList<>();
        for (String fileId : new String[] {batch.outputFileId(), batch.errorFileId()}) {
            if (fileId != null) lines.addAll(BatchOutputLine.parse(files.content(fileId, options)));
        }
        return lines;
    }

    static String path(String id) {
        return "/batches/" + ApiClient.segment("batch_id", id);
    }

    static String cancelPath(String id) {
        return path(id) + "/cancel";
    }
}
