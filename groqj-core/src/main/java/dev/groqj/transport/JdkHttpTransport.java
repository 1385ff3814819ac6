package dev.groqj.transport;

import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The default transport, over {@link java.net.http.HttpClient}: connections are pooled and reused, HTTP/2 is
 * negotiated over TLS where the server offers it, and plain-http (loopback) requests use HTTP/1.1.
 *
 * <pre>{@code
 * HttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(10));
 * }</pre>
 */
public final class JdkHttpTransport implements HttpTransport {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = restricted();

    /** Blocking calls whose body is in memory: the JDK's callbacks run where they arise, with no pool hops. */
    private final HttpClient direct;
    /**
     * Async calls and streamed uploads: callbacks and body reads on the JDK's pool, never on the selector. Made on
     * first use, so an application that only blocks pays for one client (its selector thread and start-up).
     */
    private final Supplier<HttpClient> pooledFactory;
    private volatile HttpClient pooled;

    /** A transport over {@code client} for every call. */
    public JdkHttpTransport(HttpClient client) {
        this.direct = Objects.requireNonNull(client, "client == null");
        this.pooled = client;
        this.pooledFactory = () -> client;
    }

    private JdkHttpTransport(HttpClient direct, Supplier<HttpClient> pooledFactory) {
        this.direct = direct;
        this.pooledFactory = pooledFactory;
    }

    /**
     * The default transport. Blocking calls with an in-memory body use a client whose executor runs the JDK's
     * callbacks on the thread they arise on, sparing two pool hops per call (measured in groqj-bench: about 1.5x
     * the requests per second at 64 concurrent calls); async calls and uploads streamed from disk use a client
     * with the JDK's default pool, so no user callback or file read ever runs on the JDK's selector thread.
     */
    public static JdkHttpTransport create(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        return new JdkHttpTransport(builder(connectTimeout).executor(Runnable::run).build(),
                () -> builder(connectTimeout).build());
    }

    private HttpClient pooled() {
        HttpClient client = pooled;
        if (client == null) {
            synchronized (pooledFactory) { // builds a client, no I/O: safe for virtual threads
                client = pooled;
                if (client == null) pooled = client = pooledFactory.get();
            }
        }
        return client;
    }

    private static HttpClient.Builder builder(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_2);
    }

    private static Set<String> restricted() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
        return names;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        java.net.http.HttpResponse<byte[]> r = sendBlocking(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResponse(r.statusCode(), Headers.wrapCaseInsensitive(r.headers().map()), r.body());
    }

    @Override
    public StreamingResponse sendStreaming(HttpRequest request) {
        return new JdkStreamingResponse(sendBlocking(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
    }

    private <T> java.net.http.HttpResponse<T> sendBlocking(HttpRequest request,
                                                           java.net.http.HttpResponse.BodyHandler<T> handler) {
        try {
            RequestBody body = request.body();
            HttpClient client = body == null || body.bytesIfBuffered() != null ? direct : pooled();
            return client.send(toJdk(request), handler);
        } catch (IOException e) {
            throw translate(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GroqException("interrupted while calling " + describe(request), e);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        return sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray(),
                r -> new HttpResponse(r.statusCode(), Headers.wrapCaseInsensitive(r.headers().map()), r.body()), r -> { });
    }

    @Override
    public CompletableFuture<AsyncStreamingResponse> sendStreamingAsync(HttpRequest request) {
        return sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofPublisher(), JdkAsyncStreamingResponse::new,
                AsyncStreamingResponse::close);
    }

    /**
     * Sends on the JDK client's own non-blocking path. A dependent future does not pass {@code cancel} back to
     * the one it came from, so it is passed by hand: cancelling the result aborts the exchange (JDK 16+), and
     * an answer that arrives after the cancel is {@code discard}ed.
     */
    private <B, R> CompletableFuture<R> sendAsync(HttpRequest request, java.net.http.HttpResponse.BodyHandler<B> handler,
                                                  Function<java.net.http.HttpResponse<B>, R> mapper,
                                                  Consumer<? super R> discard) {
        CompletableFuture<java.net.http.HttpResponse<B>> exchange = pooled().sendAsync(toJdk(request), handler);
        CompletableFuture<R> result = exchange.handle((r, error) -> {
            if (error != null) throw translateAsync(request, error);
            return mapper.apply(r);
        });
        result.whenComplete((r, error) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
                exchange.thenApply(mapper).thenAccept(discard);
            }
        });
        return result;
    }

    /** The JDK's request; its IllegalArgumentException can quote a header value (a key), so only its type is kept. */
    private static java.net.http.HttpRequest toJdk(HttpRequest request) {
        try {
            return toJdkUnchecked(request);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("request", "refused by java.net.http (" + e.getClass().getSimpleName()
                    + "; its message is withheld, as it may quote a header value)");
        }
    }

    private static java.net.http.HttpRequest toJdkUnchecked(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri());
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // no h2c upgrade dance on plain http (loopback only): it costs a round trip and confuses simple servers
            b.version(HttpClient.Version.HTTP_1_1);
        }
        if (request.timeout() != null) b.timeout(request.timeout());
        request.headers().toMap().forEach((name, values) -> {
            if (!RESTRICTED.contains(name)) {
                for (String v : values) b.header(name, v);
            }
        });
        RequestBody body = request.body();
        if (body == null) {
            b.method(request.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", body.contentType());
            b.method(request.method(), publisher(body));
        }
        return b.build();
    }

    private static java.net.http.HttpRequest.BodyPublisher publisher(RequestBody body) {
        byte[] buffered = body.bytesIfBuffered();
        if (buffered != null) return java.net.http.HttpRequest.BodyPublishers.ofByteArray(buffered);
        java.net.http.HttpRequest.BodyPublisher streamed = java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return body.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long length = body.contentLength();
        return length >= 0 ? java.net.http.HttpRequest.BodyPublishers.fromPublisher(streamed, length) : streamed;
    }

    private static GroqException translateAsync(HttpRequest request, Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GroqException) return (GroqException) cause;
        if (cause instanceof CancellationException) {
            return new GroqException("cancelled: " + request.method() + " " + request.uri().getPath(), cause);
        }
        if (cause instanceof IOException) return translate(request, (IOException) cause);
        return new NetworkException(describe(request) + " failed: " + cause, cause);
    }

    private static GroqException translate(HttpRequest request, IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new GroqTimeoutException(describe(request) + " timed out: " + e.getMessage(), e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException) {
            return new NetworkException(describe(request) + ": could not read the request body: "
                    + cause.getCause().getMessage(), cause.getCause());
        }
        return new NetworkException(describe(request) + " failed: " + e, e);
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    private static final class JdkAsyncStreamingResponse implements AsyncStreamingResponse {
        private final java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        private final Headers headers;
        private final AtomicBoolean subscribed = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

        JdkAsyncStreamingResponse(java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
            this.response = response;
            this.headers = Headers.wrapCaseInsensitive(response.headers().map());
        }

        @Override public int statusCode() { return response.statusCode(); }
        @Override public Headers headers() { return headers; }

        @Override
        public Flow.Publisher<List<ByteBuffer>> body() {
            return subscriber -> {
                if (!subscribed.compareAndSet(false, true)) {
                    subscriber.onSubscribe(new Flow.Subscription() {
                        @Override public void request(long n) { }
                        @Override public void cancel() { }
                    });
                    subscriber.onError(new IllegalStateException("the body can be subscribed to once"));
                    return;
                }
                response.body().subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        subscription.set(s);
                        if (closed.get()) s.cancel();
                        subscriber.onSubscribe(s);
                    }

                    @Override public void onNext(List<ByteBuffer> item) { subscriber.onNext(item); }
                    @Override public void onError(Throwable error) { subscriber.onError(error); }
                    @Override public void onComplete() { subscriber.onComplete(); }
                });
            };
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) return;
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            } else if (subscribed.compareAndSet(false, true)) {
                // the JDK frees an exchange whose body publisher is cancelled, never one left unsubscribed
                response.body().subscribe(new Flow.Subscriber<>() {
                    @Override public void onSubscribe(Flow.Subscription sub) { sub.cancel(); }
                    @Override public void onNext(List<ByteBuffer> item) { }
                    @Override public void onError(Throwable error) { }
                    @Override public void onComplete() { }
                });
            }
        }
    }

    private static final class JdkStreamingResponse implements StreamingResponse {
        private final java.net.http.HttpResponse<InputStream> response;
        private final Headers headers;
        private final AtomicBoolean closed = new AtomicBoolean();

        JdkStreamingResponse(java.net.http.HttpResponse<InputStream> response) {
            this.response = response;
            this.headers = Headers.wrapCaseInsensitive(response.headers().map());
        }

        @Override public int statusCode() { return response.statusCode(); }
        @Override public Headers headers() { return headers; }
        @Override public InputStream body() { return response.body(); }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    // closing the JDK's response stream before its end cancels the exchange
                    response.body().close();
                } catch (IOException ignored) {
                    // the exchange is gone either way
                }
            }
        }
    }
}
