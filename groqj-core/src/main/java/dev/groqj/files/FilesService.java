package dev.groqj.files;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Download;
import dev.groqj.internal.Json;
import dev.groqj.internal.Uploads;
import dev.groqj.transport.HttpResponse;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Groq's files: the inputs and results of batches.
 *
 * <pre>{@code
 * FileObject input = client.files().upload(FileUploadRequest.of(Path.of("batch.jsonl")));
 * client.files().list().data();
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
    private static final String CONTENT_TYPES = "application/octet-stream, */*";

    private final ApiClient api;

    public FilesService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public FileObject upload(FileUploadRequest request) {
        return upload(request, RequestOptions.DEFAULT);
    }

    public FileObject upload(FileUploadRequest request, RequestOptions options) {
        return uploadWithResponse(request, options).value();
    }

    /** The stored file with the HTTP answer's status and headers. */
    public GroqResponse<FileObject> uploadWithResponse(FileUploadRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        HttpResponse response = api.send("files.upload", "POST", "/files", request.toMultipartBody(),
                uploadOptions(request, options));
        return new GroqResponse<>(Json.decode(response, FileObject.class), response.statusCode(),
                response.headers());
    }

    public FileList list() {
        return list(RequestOptions.DEFAULT);
    }

    public FileList list(RequestOptions options) {
        return listWithResponse(options).value();
    }

    /** The list with the HTTP answer's status and headers. */
    public GroqResponse<FileList> listWithResponse(RequestOptions options) {
        return api.getWithResponse("files.list", "/files", FileList.class, options);
    }

    public FileObject retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public FileObject retrieve(String id, RequestOptions options) {
        return retrieveWithResponse(id, options).value();
    }

    public GroqResponse<FileObject> retrieveWithResponse(String id, RequestOptions options) {
        return api.getWithResponse("files.retrieve", path(id), FileObject.class, options);
    }

    public FileDeleted delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public FileDeleted delete(String id, RequestOptions options) {
        return deleteWithResponse(id, options).value();
    }

    public GroqResponse<FileDeleted> deleteWithResponse(String id, RequestOptions options) {
        return api.deleteWithResponse("files.delete", path(id), FileDeleted.class, options);
    }

    /** The whole content, in memory; for large result files use {@link #content(String, Path)}. */
    public byte[] content(String id) {
        return content(id, RequestOptions.DEFAULT);
    }

    public byte[] content(String id, RequestOptions options) {
        return contentWithResponse(id, options).value();
    }

    public GroqResponse<byte[]> contentWithResponse(String id, RequestOptions options) {
        HttpResponse response = api.send("files.content", "GET", contentPath(id), null, acceptContent(options));
        return new GroqResponse<>(response.body(), response.statusCode(), response.headers());
    }

    /**
     * Writes the content to {@code file} as it arrives, replacing the file only once all of it came (it is written
     * to a sibling temporary file first). Returns the number of bytes written.
     */
    public long content(String id, Path file) {
        return content(id, file, RequestOptions.DEFAULT);
    }

    public long content(String id, Path file, RequestOptions options) {
        Objects.requireNonNull(file, "file == null");
        String path = contentPath(id);
        return Download.toFile(file, "the file's content", out -> download(path, out, options));
    }

    /** Writes the content to {@code out} as it arrives, and returns how many bytes; does not close it. */
    public long content(String id, OutputStream out) {
        return content(id, out, RequestOptions.DEFAULT);
    }

    public long content(String id, OutputStream out, RequestOptions options) {
        Objects.requireNonNull(out, "out == null");
        return download(contentPath(id), out, options);
    }

    /** Nothing is retried once bytes arrived: they may already be written. */
    private long download(String path, OutputStream out, RequestOptions options) {
        return Download.copy(api.sendStreaming("files.content", "GET", path, null, acceptContent(options)), out,
                "files.content", "the file's content");
    }

    static RequestOptions uploadOptions(FileUploadRequest request, RequestOptions options) {
        return Uploads.options(request.file().isRepeatable(), options);
    }

    /** The content is the file's bytes, not JSON. */
    static RequestOptions acceptContent(RequestOptions options) {
        return Download.accept(options, CONTENT_TYPES);
    }

    static String path(String id) {
        return "/files/" + ApiClient.segment("file_id", id);
    }

    static String contentPath(String id) {
        return path(id) + "/content";
    }
}
