package dev.groqj.transport;

import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests. The SPI under every groqj call: the default is {@link JdkHttpTransport}; pass another
 * to {@code GroqClient.builder().transport(...)}.
 *
 * <p>Rules for implementers: any HTTP status is an answer, returned, never thrown. When there is no answer,
 * throw (or complete exceptionally with) {@link dev.groqj.error.NetworkException}, or
 * {@link dev.groqj.error.GroqTimeoutException} when the request's timeout ran out. Call
 * {@link RequestBody#open()} once per send: a retry sends the same request object again. Follow no redirect:
 * a 3xx is an answer like any other (the key must never reach another origin).
 *
 * <p>Bodies are read under the request's limits: {@link HttpRequest#readTimeout()} (silence),
 * {@link HttpRequest#attemptTimeout()} (the whole attempt) and {@link HttpRequest#maxResponseBytes()} (a
 * successful whole body); an error body is cut at {@link #MAX_ERROR_BODY_BYTES}. A broken limit aborts the
 * exchange and surfaces as a {@link dev.groqj.error.GroqTimeoutException} or
 * {@link dev.groqj.error.ResponseTooLargeException} — thrown from {@code send}, or, for a body read as it
 * arrives, unchecked from its {@code InputStream.read} or passed to its subscriber's {@code onError}, after every
 * byte that arrived before.
 */
public interface HttpTransport extends AutoCloseable {
    /** The default cap on a successful whole body: far above any real Groq answer. */
    long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;
    /** Error bodies are read up to this many bytes; the rest is dropped. */
    int MAX_ERROR_BODY_BYTES = 1 << 20;

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

    /** Releases the transport's resources; the default holds none of its own. */
    @Override
    default void close() {
    }
}
