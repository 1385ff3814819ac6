package dev.groqj.files;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Futures;
import dev.groqj.internal.Json;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link FilesService} without blocking: the same calls with {@link CompletableFuture} results; cancelling one
 * aborts its HTTP exchange. The upload is streamed from its source as the transport sends it.
 *
 * <pre>{@code
 * client.async().files().upload(FileUploadRequest.of(Path.of("batch.jsonl")))
 *     .thenAccept(f -> System.out.println(f.id()));
 * }</pre>
 *
 * <p>An invalid argument throws at once, as in the blocking calls; everything after fails the future. Content
 * comes whole, in memory; stream a large file with the blocking {@link FilesService#content(String, java.nio.file.Path)}.
 */
public final class AsyncFilesService {
    private final ApiClient api;

    public AsyncFilesService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public CompletableFuture<FileObject> upload(FileUploadRequest request) {
        return upload(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileObject> upload(FileUploadRequest request, RequestOptions options) {
        return Futures.map(uploadWithResponse(request, options), GroqResponse::value);
    }

    public CompletableFuture<GroqResponse<FileObject>> uploadWithResponse(FileUploadRequest request,
                                                                         RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return Futures.map(api.sendAsync("files.upload", "POST", "/files", request.toMultipartBody(),
                        FilesService.uploadOptions(request, options)),
                r -> new GroqResponse<>(Json.decode(r, FileObject.class), r.statusCode(), r.headers()));
    }

    public CompletableFuture<FileList> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileList> list(RequestOptions options) {
        return Futures.map(api.getAsync("files.list", "/files", FileList.class, options), GroqResponse::value);
    }

    public CompletableFuture<FileObject> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileObject> retrieve(String id, RequestOptions options) {
        return Futures.map(api.getAsync("files.retrieve", FilesService.path(id), FileObject.class, options),
                GroqResponse::value);
    }

    public CompletableFuture<FileDeleted> delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileDeleted> delete(String id, RequestOptions options) {
        return Futures.map(api.deleteAsync("files.delete", FilesService.path(id), FileDeleted.class, options),
                GroqResponse::value);
    }

    /** The whole content, in memory. */
    public CompletableFuture<byte[]> content(String id) {
        return content(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<byte[]> content(String id, RequestOptions options) {
        return Futures.map(api.sendAsync("files.content", "GET", FilesService.contentPath(id), null,
                FilesService.acceptContent(options)), r -> r.body());
    }
}
