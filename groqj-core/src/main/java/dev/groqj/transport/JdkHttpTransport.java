package dev.groqj.transport;

import static dev.groqj.transport.Exchanges.bodyLimits;
import static dev.groqj.transport.Exchanges.describe;
import static dev.groqj.transport.Exchanges.isSuccess;

import dev.groqj.error.CancelledException;
import dev.groqj.error.FileSourceException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
    /**
     * Blocking calls whose body is in memory: the JDK's callbacks run where they arise, with no pool hops. Null
     * once closed, like {@link #pooled}, so that the JDK can collect the clients and their connections.
     */
    private volatile HttpClient direct;
    /**
     * Async calls and streamed uploads: callbacks and body reads on a pool, never on the selector. Made on
     * first use, so an application that only blocks pays for one client (its selector thread and start-up).
     */
    private final Supplier<HttpClient> pooledFactory;
    private volatile HttpClient pooled;
    /** The pool this transport made for {@link #pooled}, shut down by {@link #close()}; null for a given client. */
    private final ExecutorService ownPool;
    private final boolean ownsClients;
    /** {@code Proxy-Authorization} sent with every request, or null; the JDK sends it to proxies only. */
    private final String proxyAuthorization;
    private volatile boolean closed;

    /**
     * A transport over {@code client} for every call. The client is yours: {@link #close()} does not close it.
     * Build it with {@code followRedirects(NEVER)} (the default): a redirect followed would carry the API key to
     * another origin.
     */
    public JdkHttpTransport(HttpClient client) {
        this.direct = Objects.requireNonNull(client, "client == null");
        this.pooled = client;
        this.pooledFactory = () -> client;
        this.ownPool = null;
        this.ownsClients = false;
        this.proxyAuthorization = null;
    }

    private JdkHttpTransport(Duration connectTimeout, Consumer<HttpClient.Builder> settings,
                             PasswordAuthentication proxyCredentials) {
        this.proxyAuthorization = proxyCredentials == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (proxyCredentials.getUserName() + ":" + new String(proxyCredentials.getPassword()))
                        .getBytes(StandardCharsets.UTF_8));
        this.direct = builder(connectTimeout, settings).executor(Runnable::run).build();
        this.ownPool = Executors.newCachedThreadPool(daemonThreads());
        this.pooledFactory = () -> builder(connectTimeout, settings).executor(ownPool).build();
        this.ownsClients = true;
    }

    /**
     * The default transport. Blocking calls with an in-memory body use a client whose executor runs the JDK's
     * callbacks on the thread they arise on, sparing two pool hops per call (measured in groqj-bench: about 1.5x
     * the requests per second at 64 concurrent calls); async calls and uploads streamed from disk use a client
     * with a pool of its own, so no user callback or file read ever runs on the JDK's selector thread. No
     * redirect is followed.
     */
    public static JdkHttpTransport create(Duration connectTimeout) {
        return create(connectTimeout, b -> { }, null);
    }

    /**
     * {@link #create(Duration)} with {@code settings} applied to each JDK client it builds (a proxy, TLS,
     * HTTP/1.1; the transport still sets the executors and refuses redirects), and {@code proxyCredentials}, or
     * null, sent as Basic {@code Proxy-Authorization} with every request: the JDK hands it to proxies only, never
     * to the server. Not an {@code authenticator} in {@code settings}: with one, the JDK drops the
     * {@code Authorization} header that carries the API key.
     *
     * <pre>{@code
     * JdkHttpTransport.create(Duration.ofSeconds(10), b -> b.proxy(ProxySelector.of(proxyAddress)), null);
     * }</pre>
     */
    public static JdkHttpTransport create(Duration connectTimeout, Consumer<HttpClient.Builder> settings,
                                          PasswordAuthentication proxyCredentials) {
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(settings, "settings == null");
        return new JdkHttpTransport(connectTimeout, settings, proxyCredentials);
    }

    private HttpClient pooled() {
        HttpClient client = pooled;
        if (client == null) {
            synchronized (pooledFactory) { // builds a client, no I/O: safe for virtual threads
                client = pooled;
                if (client == null && !closed) pooled = client = pooledFactory.get();
            }
        }
        return client;
    }

    private static HttpClient.Builder builder(Duration connectTimeout, Consumer<HttpClient.Builder> settings) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_2);
        settings.accept(b);
        return b.followRedirects(HttpClient.Redirect.NEVER); // after the settings: a redirect would carry the key
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "groqj-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        java.net.http.HttpResponse<InputStream> r = sendBlocking(request);
        BlockingBody body = bodyOf(request, r);
        try {
            return new HttpResponse(r.statusCode(), body.headers(), body.readAll());
        } catch (IOException e) {
            throw new NetworkException(describe(request) + ": the answer could not be read: " + e, e);
        }
    }

    @Override
    public StreamingResponse sendStreaming(HttpRequest request) {
        java.net.http.HttpResponse<InputStream> r = sendBlocking(request);
        return new JdkStreamingResponse(r.statusCode(), bodyOf(request, r));
    }

    /** The body; the JDK has none for a proxy's refusal of a CONNECT tunnel (a 407, say): that reads as empty. */
    private static BlockingBody bodyOf(HttpRequest request, java.net.http.HttpResponse<InputStream> r) {
        if (r.body() != null) return (BlockingBody) r.body();
        BlockingBody empty = new BlockingBody(BodyLimits.of(request), r.statusCode(),
                Headers.wrapCaseInsensitive(r.headers().map()), false);
        empty.onComplete();
        return empty;
    }

    private java.net.http.HttpResponse<InputStream> sendBlocking(HttpRequest request) {
        BodyLimits limits = BodyLimits.of(request);
        try {
            RequestBody body = request.body();
            HttpClient client = open(request, body == null || body.bytesIfBuffered() != null ? direct : pooled());
            return client.send(toJdk(request), info -> {
                boolean ok = isSuccess(info.statusCode());
                return new BlockingBody(bodyLimits(limits, info.statusCode(), ok), info.statusCode(),
                        Headers.wrapCaseInsensitive(info.headers().map()), ok);
            });
        } catch (IOException e) {
            throw translate(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while calling " + describe(request), e);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        CompletableFuture<AsyncStreamingResponse> opened = openAsync(request);
        opened.whenComplete((r, error) -> {
            if (error != null) {
                result.completeExceptionally(translateAsync(request, error));
                return;
            }
            boolean ok = isSuccess(r.statusCode());
            BodyLimits limits = ((JdkAsyncStreamingResponse) r).limits;
            BodyCollector collector = new BodyCollector(bodyLimits(limits, r.statusCode(), true), r.statusCode(),
                    r.headers(), ok);
            r.body().subscribe(collector);
            collector.result().whenComplete((bytes, e) -> {
                if (e != null) result.completeExceptionally(translateAsync(request, e));
                else result.complete(new HttpResponse(r.statusCode(), r.headers(), bytes));
            });
            result.whenComplete((x, e) -> {
                if (result.isCancelled()) collector.result().cancel(true);
            });
        });
        result.whenComplete((x, e) -> {
            if (result.isCancelled()) opened.cancel(true);
        });
        return result;
    }

    @Override
    public CompletableFuture<AsyncStreamingResponse> sendStreamingAsync(HttpRequest request) {
        return openAsync(request);
    }

    /**
     * Sends on the JDK client's own non-blocking path. A dependent future does not pass {@code cancel} back to
     * the one it came from, so it is passed by hand: cancelling the result aborts the exchange (JDK 16+), and
     * an answer that arrives after the cancel is closed.
     */
    private CompletableFuture<AsyncStreamingResponse> openAsync(HttpRequest request) {
        BodyLimits limits = BodyLimits.of(request);
        HttpClient client = open(request, pooled());
        CompletableFuture<java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>>> exchange =
                client.sendAsync(toJdk(request), java.net.http.HttpResponse.BodyHandlers.ofPublisher());
        CompletableFuture<AsyncStreamingResponse> result = exchange.handle((r, error) -> {
            if (error != null) throw translateAsync(request, error);
            return new JdkAsyncStreamingResponse(r, limits);
        });
        result.whenComplete((r, error) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
                exchange.thenAccept(r2 -> new JdkAsyncStreamingResponse(r2, limits).close());
            }
        });
        return result;
    }

    /** {@code client}, unless this transport was closed (then it is null, or about to be shut down). */
    private HttpClient open(HttpRequest request, HttpClient client) {
        if (client == null || closed) {
            throw new GroqException("the client is closed: " + describe(request) + " was not sent");
        }
        return client;
    }

    /**
     * Refuses every later request and, for the clients this transport made, releases their threads and
     * connections: on JDK 21+ through {@code HttpClient.shutdownNow()}, which also aborts exchanges in flight; on
     * JDK 17 the pool's threads end at once and the JDK frees the selector and idle connections when the
     * clients are collected. A client passed to the constructor is left alone.
     */
    @Override
    public void close() {
        HttpClient d;
        HttpClient p;
        synchronized (pooledFactory) { // no pooled client can be made after this
            closed = true;
            d = direct;
            p = pooled;
            direct = null;
            pooled = null;
        }
        if (!ownsClients || d == null) return;
        shutdownNow(d);
        if (p != null) shutdownNow(p);
        ownPool.shutdownNow();
    }

    /** {@code HttpClient.shutdownNow()} exists from JDK 21; the bytecode is Java 17's, so it is looked up. */
    private static void shutdownNow(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (NoSuchMethodException e) {
            // JDK 17-20: nothing to call; dropping the transport lets the JDK free it
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HttpClient.shutdownNow failed", e);
        }
    }

    /** The JDK's request; its IllegalArgumentException can quote a header value (a key), so only its type is kept. */
    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        try {
            return toJdkUnchecked(request);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("request", "refused by java.net.http (" + e.getClass().getSimpleName()
                    + "; its message is withheld, as it may quote a header value)");
        }
    }

    private java.net.http.HttpRequest toJdkUnchecked(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri());
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // no h2c upgrade dance on plain http (loopback only): it costs a round trip and confuses simple servers
            b.version(HttpClient.Version.HTTP_1_1);
        }
        if (request.timeout() != null) b.timeout(request.timeout());
        if (proxyAuthorization != null) b.header("Proxy-Authorization", proxyAuthorization);
        request.headers().toMap().forEach((name, values) -> {
            if (!Exchanges.RESTRICTED.contains(name)) {
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
            return new CancelledException("cancelled: " + describe(request), cause);
        }
        if (cause instanceof IOException) return translate(request, (IOException) cause);
        if (cause instanceof UncheckedIOException) return unreadableBody(request, cause);
        return new NetworkException(describe(request) + " failed: " + cause, cause);
    }

    private static GroqException translate(HttpRequest request, IOException e) {
        if (e.getCause() instanceof FileSourceException) return (FileSourceException) e.getCause();
        if (e instanceof HttpTimeoutException) {
            return new GroqTimeoutException(describe(request) + " timed out: " + e.getMessage(), e);
        }
        if (e.getCause() instanceof UncheckedIOException) return unreadableBody(request, e.getCause());
        return new NetworkException(describe(request) + " failed: " + e, e);
    }

    /** The request body's source failed ({@link RequestBody#open()}), wrapped by the JDK's publisher. */
    private static FileSourceException unreadableBody(HttpRequest request, Throwable unchecked) {
        return Exchanges.unreadableBody(request, ((UncheckedIOException) unchecked).getCause());
    }

    private static final class JdkAsyncStreamingResponse implements AsyncStreamingResponse {
        private final int statusCode;
        private final Flow.Publisher<List<ByteBuffer>> publisher;
        private final Headers headers;
        final BodyLimits limits;
        private final AtomicBoolean subscribed = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

        JdkAsyncStreamingResponse(java.net.http.HttpResponse<Flow.Publisher<List<ByteBuffer>>> response,
                                  BodyLimits limits) {
            this.statusCode = response.statusCode();
            this.publisher = response.body() != null ? response.body() : JdkAsyncStreamingResponse::none;
            this.headers = Headers.wrapCaseInsensitive(response.headers().map());
            this.limits = limits;
        }

        @Override public int statusCode() { return statusCode; }
        @Override public Headers headers() { return headers; }

        /** The body of a proxy's refusal of a CONNECT tunnel, which the JDK does not give: empty. */
        private static void none(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override public void request(long n) { }
                @Override public void cancel() { }
            });
            subscriber.onComplete();
        }

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
                publisher.subscribe(new TimedSubscriber(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        subscription.set(s);
                        if (closed.get()) s.cancel();
                        subscriber.onSubscribe(s);
                    }

                    @Override public void onNext(List<ByteBuffer> item) { subscriber.onNext(item); }
                    @Override public void onError(Throwable error) { subscriber.onError(error); }
                    @Override public void onComplete() { subscriber.onComplete(); }
                }, limits));
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
                publisher.subscribe(new Flow.Subscriber<>() {
                    @Override public void onSubscribe(Flow.Subscription sub) { sub.cancel(); }
                    @Override public void onNext(List<ByteBuffer> item) { }
                    @Override public void onError(Throwable error) { }
                    @Override public void onComplete() { }
                });
            }
        }
    }

    private static final class JdkStreamingResponse implements StreamingResponse {
        private final int statusCode;
        private final BlockingBody body;

        JdkStreamingResponse(int statusCode, BlockingBody body) {
            this.statusCode = statusCode;
            this.body = body;
        }

        @Override public int statusCode() { return statusCode; }
        @Override public Headers headers() { return body.headers(); }
        @Override public InputStream body() { return body; }

        /** Aborts the exchange unless the body was read to its end. */
        @Override
        public void close() {
            body.close();
        }
    }
}
