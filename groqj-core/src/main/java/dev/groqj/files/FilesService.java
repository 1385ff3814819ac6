package dev.groqj.files;

import dev.groqj.GroqResponse;
import dev.groqj.Page;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.CursorPage;
import dev.groqj.internal.Download;
import dev.groqj.internal.Operation;
import dev.groqj.internal.Uploads;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Groq's files: the inputs and results of batches. Obtained from {@link dev.groqj.GroqClient#files()}.
 *
 * <pre>{@code
 * FileObject input = client.files().upload(FileUploadRequest.of(Path.of("batch.jsonl")));
 * for (FileObject f : client.files().list().autoPager()) { ... }
 * client.files().content(batch.outputFileId(), Path.of("results.jsonl")); // streamed to disk
 * client.files().delete(input.id());
 * }</pre>
 *
 * <p>Uploads stream the file as it is sent and a retry reads it again from its start; a file made with
 * {@link dev.groqj.transport.FileSource#ofStream} can be read only once, so its upload is not retried. Content
 * written to a path or stream is written as it arrives, so a large result file never sits in memory. Ids are sent
 * as one percent-encoded path segment.
 */
public final class FilesService {
    static final Operation<FileUploadRequest, FileObject> UPLOAD =
            Operation.<FileUploadRequest>post("files.upload", r -> "/files")
                    .body(FileUploadRequest::toMultipartBody)
                    .options((r, o) -> Uploads.options(r.file().isRepeatable(), o))
                    .returning(FileObject.class);
    static final Operation<String, CursorPage.Chunk<FileObject>> LIST =
            Operation.<String>get("files.list", after -> "/files")
                    .options(CursorPage::after)
                    .returning(CursorPage.decoder(FileList.class, FileList::data, FileObject::id));
    static final Operation<String, FileObject> RETRIEVE =
            Operation.get("files.retrieve", FilesService::path).returning(FileObject.class);
    static final Operation<String, FileDeleted> DELETE =
            Operation.delete("files.delete", FilesService::path).returning(FileDeleted.class);
    /** The content is the file's bytes, not JSON. */
    static final Operation<String, byte[]> CONTENT =
            Operation.get("files.content", (String id) -> path(id) + "/content")
                    .options((id, o) -> Download.accept(o, "application/octet-stream, */*"))
                    .returningBytes();

    private final ApiClient api;

    FilesService(ApiClient api) {
        this.api = api;
    }

    public FileObject upload(FileUploadRequest request) {
        return upload(request, RequestOptions.DEFAULT);
    }

    public FileObject upload(FileUploadRequest request, RequestOptions options) {
        return api.call(UPLOAD, request, options);
    }

    /** The stored file with the HTTP answer's status and headers. */
    public GroqResponse<FileObject> uploadWithResponse(FileUploadRequest request, RequestOptions options) {
        return api.execute(UPLOAD, request, options);
    }

    /** The first page of files; {@link Page#autoPager()} goes through all of them. */
    public Page<FileObject> list() {
        return list(RequestOptions.DEFAULT);
    }

    public Page<FileObject> list(RequestOptions options) {
        return listWithResponse(options).value();
    }

    /** The first page with the HTTP answer's status and headers. */
    public GroqResponse<Page<FileObject>> listWithResponse(RequestOptions options) {
        return CursorPage.first(api, LIST, options);
    }

    public FileObject retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public FileObject retrieve(String id, RequestOptions options) {
        return api.call(RETRIEVE, id, options);
    }

    public GroqResponse<FileObject> retrieveWithResponse(String id, RequestOptions options) {
        return api.execute(RETRIEVE, id, options);
    }

    public FileDeleted delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public FileDeleted delete(String id, RequestOptions options) {
        return api.call(DELETE, id, options);
    }

    public GroqResponse<FileDeleted> deleteWithResponse(String id, RequestOptions options) {
        return api.execute(DELETE, id, options);
    }

    /** The whole content, in memory; for large result files use {@link #content(String, Path)}. */
    public byte[] content(String id) {
        return content(id, RequestOptions.DEFAULT);
    }

    public byte[] content(String id, RequestOptions options) {
        return api.call(CONTENT, id, options);
    }

    public GroqResponse<byte[]> contentWithResponse(String id, RequestOptions options) {
        return api.execute(CONTENT, id, options);
    }

    /**
     * Writes the content to {@code file} as it arrives, replacing the file only once all of it came (it is written
     * to a sibling temporary file first). Returns the number of bytes written.
     */
    public long content(String id, Path file) {
        return content(id, file, RequestOptions.DEFAULT);
    }

    public long content(String id, Path file, RequestOptions options) {
        return api.download(CONTENT, id, file, options);
    }

    /** Writes the content to {@code out} as it arrives, and returns how many bytes; does not close it. */
    public long content(String id, OutputStream out) {
        return content(id, out, RequestOptions.DEFAULT);
    }

    public long content(String id, OutputStream out, RequestOptions options) {
        return api.download(CONTENT, id, out, options);
    }

    static String path(String id) {
        return "/files/" + ApiClient.segment("file_id", id);
    }
}
