package dev.groqj.transport;

import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests. The SPI under every groqj call: the default is {@link JdkHttpTransport}; pass another
 * to {@code GroqClient.builder().transport(...)}.
 *
 * <p>Rules for implementers: any HTTP status is an answer, returned, never thrown. When there is no answer,
 * throw (or complete exceptionally with) {@link dev.groqj.error.NetworkException}, or
 * {@link dev.groqj.error.GroqTimeoutException} when the request's timeout ran out. Call
 * {@link RequestBody#open()} once per send: a retry sends the same request object again.
 */
public interface HttpTransport extends AutoCloseable {
    HttpResponse send(HttpRequest request);

    /** Returns once the status and headers arrived; the body is read from the result. */
    StreamingResponse sendStreaming(HttpRequest request);

    /**
     * Sends without holding a thread while the exchange is in flight. Cancelling the returned future aborts
     * the exchange.
     */
    CompletableFuture<HttpResponse> sendAsync(HttpRequest request);

    /**
     * Completes once the status and headers arrived, without holding a thread; the body is published as the
     * subscriber asks for it. Cancelling the returned future before that aborts the exchange.
     */
    CompletableFuture<AsyncStreamingResponse> sendStreamingAsync(HttpRequest request);

    /** Sends a multipart/form-data request; the body is streamed from its parts, not buffered. */
    default HttpResponse sendMultipart(HttpRequest request, MultipartBody body) {
        return send(request.toBuilder().body(body).build());
    }

    /** Releases the transport's resources; the default holds none of its own. */
    @Override
    default void close() {
    }
}
