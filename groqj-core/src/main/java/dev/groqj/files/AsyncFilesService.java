package dev.groqj.files;

import dev.groqj.GroqResponse;
import dev.groqj.Page;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.CursorPage;
import dev.groqj.internal.Futures;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * {@link FilesService} without blocking: the same calls with {@link CompletableFuture} results; cancelling one
 * aborts its HTTP exchange. The upload is streamed from its source as the transport sends it; content written to a
 * path or stream is written as each piece arrives. Obtained from {@code client.async().files()}.
 *
 * <pre>{@code
 * client.async().files().upload(FileUploadRequest.of(Path.of("batch.jsonl")))
 *     .thenAccept(f -> System.out.println(f.id()));
 * client.async().files().content(fileId, Path.of("results.jsonl")).thenAccept(bytes -> ...);
 * }</pre>
 *
 * <p>An invalid argument throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncFilesService {
    private final ApiClient api;

    AsyncFilesService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<FileObject> upload(FileUploadRequest request) {
        return upload(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileObject> upload(FileUploadRequest request, RequestOptions options) {
        return api.callAsync(FilesService.UPLOAD, request, options);
    }

    public CompletableFuture<GroqResponse<FileObject>> uploadWithResponse(FileUploadRequest request,
                                                                         RequestOptions options) {
        return api.executeAsync(FilesService.UPLOAD, request, options);
    }

    /** The first page of files; {@link Page#nextPageAsync()} fetches the next. */
    public CompletableFuture<Page<FileObject>> list() {
        return list(RequestOptions.DEFAULT);
    }

    public CompletableFuture<Page<FileObject>> list(RequestOptions options) {
        return Futures.map(listWithResponse(options), GroqResponse::value);
    }

    public CompletableFuture<GroqResponse<Page<FileObject>>> listWithResponse(RequestOptions options) {
        return CursorPage.firstAsync(api, FilesService.LIST, options);
    }

    public CompletableFuture<FileObject> retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileObject> retrieve(String id, RequestOptions options) {
        return api.callAsync(FilesService.RETRIEVE, id, options);
    }

    public CompletableFuture<GroqResponse<FileObject>> retrieveWithResponse(String id, RequestOptions options) {
        return api.executeAsync(FilesService.RETRIEVE, id, options);
    }

    public CompletableFuture<FileDeleted> delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<FileDeleted> delete(String id, RequestOptions options) {
        return api.callAsync(FilesService.DELETE, id, options);
    }

    public CompletableFuture<GroqResponse<FileDeleted>> deleteWithResponse(String id, RequestOptions options) {
        return api.executeAsync(FilesService.DELETE, id, options);
    }

    /** The whole content, in memory. */
    public CompletableFuture<byte[]> content(String id) {
        return content(id, RequestOptions.DEFAULT);
    }

    public CompletableFuture<byte[]> content(String id, RequestOptions options) {
        return api.callAsync(FilesService.CONTENT, id, options);
    }

    public CompletableFuture<GroqResponse<byte[]>> contentWithResponse(String id, RequestOptions options) {
        return api.executeAsync(FilesService.CONTENT, id, options);
    }

    /** Writes the content to {@code file} as it arrives, replacing it only once all came; the byte count. */
    public CompletableFuture<Long> content(String id, Path file) {
        return content(id, file, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Long> content(String id, Path file, RequestOptions options) {
        return api.downloadAsync(FilesService.CONTENT, id, file, options);
    }

    /** Writes the content to {@code out} as it arrives (does not close it); the byte count. */
    public CompletableFuture<Long> content(String id, OutputStream out) {
        return content(id, out, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Long> content(String id, OutputStream out, RequestOptions options) {
        return api.downloadAsync(FilesService.CONTENT, id, out, options);
    }
}
