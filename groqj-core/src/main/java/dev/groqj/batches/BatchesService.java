package dev.groqj.batches;

import dev.groqj.GroqResponse;
import dev.groqj.Page;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.CursorPage;
import dev.groqj.internal.Download;
import dev.groqj.internal.Operation;
import dev.groqj.transport.RequestBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groq's Batch API: many chat requests run asynchronously, at a lower price, within a completion window.
 * Obtained from {@link dev.groqj.GroqClient#batches()}.
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
 * <p>Ids are sent as one percent-encoded path segment. {@link BatchJob} does the whole round trip (checks, files
 * split at Groq's limits, polling, results by custom id, resumption) over these calls.
 */
public final class BatchesService {
    static final Operation<BatchCreateRequest, Batch> CREATE =
            Operation.<BatchCreateRequest>post("batches.create", r -> "/batches").json(r -> r).returning(Batch.class);
    static final Operation<String, Batch> RETRIEVE =
            Operation.get("batches.retrieve", BatchesService::path).returning(Batch.class);
    static final Operation<String, CursorPage.Chunk<Batch>> LIST =
            Operation.<String>get("batches.list", after -> "/batches")
                    .options(CursorPage::after)
                    .returning(CursorPage.decoder(BatchList.class, BatchList::data, Batch::id));
    static final Operation<String, Batch> CANCEL =
            Operation.post("batches.cancel", (String id) -> path(id) + "/cancel")
                    .body(id -> RequestBody.json(new byte[0]))
                    .returning(Batch.class);
    /** A result file's lines; declared here, not borrowed from the files service: services never build each other. */
    static final Operation<String, List<BatchOutputLine>> RESULT_FILE =
            Operation.get("batches.results", (String fileId) -> "/files/" + ApiClient.segment("file_id", fileId)
                            + "/content")
                    .options((id, o) -> Download.accept(o, "application/octet-stream, */*"))
                    .returning((id, response) -> BatchOutputLine.parse(response.body()));

    private final ApiClient api;

    BatchesService(ApiClient api) {
        this.api = api;
    }

    public Batch create(BatchCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public Batch create(BatchCreateRequest request, RequestOptions options) {
        return api.call(CREATE, request, options);
    }

    /** The new batch with the HTTP answer's status and headers. */
    public GroqResponse<Batch> createWithResponse(BatchCreateRequest request, RequestOptions options) {
        return api.execute(CREATE, request, options);
    }

    public Batch retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public Batch retrieve(String id, RequestOptions options) {
        return api.call(RETRIEVE, id, options);
    }

    public GroqResponse<Batch> retrieveWithResponse(String id, RequestOptions options) {
        return api.execute(RETRIEVE, id, options);
    }

    /** The first page of batches; {@link Page#autoPager()} goes through all of them. */
    public Page<Batch> list() {
        return list(RequestOptions.DEFAULT);
    }

    public Page<Batch> list(RequestOptions options) {
        return listWithResponse(options).value();
    }

    /** The first page with the HTTP answer's status and headers. */
    public GroqResponse<Page<Batch>> listWithResponse(RequestOptions options) {
        return CursorPage.first(api, LIST, options);
    }

    /** Asks Groq to stop the batch: it goes to {@code cancelling}, then {@code cancelled}. */
    public Batch cancel(String id) {
        return cancel(id, RequestOptions.DEFAULT);
    }

    public Batch cancel(String id, RequestOptions options) {
        return api.call(CANCEL, id, options);
    }

    public GroqResponse<Batch> cancelWithResponse(String id, RequestOptions options) {
        return api.execute(CANCEL, id, options);
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
        List<BatchOutputLine> lines = new ArrayList<>();
        for (String fileId : resultFiles(batch)) lines.addAll(api.call(RESULT_FILE, fileId, options));
        return lines;
    }

    /** The ids of the batch's output file, then its error file, those it has. */
    static List<String> resultFiles(Batch batch) {
        Objects.requireNonNull(batch, "batch == null");
        List<String> ids = new ArrayList<>(2);
        if (batch.outputFileId() != null) ids.add(batch.outputFileId());
        if (batch.errorFileId() != null) ids.add(batch.errorFileId());
        return ids;
    }

    /** The call path, for {@link BatchJob}'s waits on the client's sleeper. */
    ApiClient api() {
        return api;
    }

    private static String path(String id) {
        return "/batches/" + ApiClient.segment("batch_id", id);
    }
}
