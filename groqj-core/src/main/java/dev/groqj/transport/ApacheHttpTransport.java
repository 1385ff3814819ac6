package dev.groqj.transport;

import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ValidationException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static dev.groqj.transport.Exchanges.bodyLimits;
import static dev.groqj.transport.Exchanges.describe;
import static dev.groqj.transport.Exchanges.isSuccess;

/**
 * A transport over Apache HttpClient 5 (classic) for blocking calls: each call writes and reads its own pooled
 * HTTP/1.1 connection on the caller's thread, where {@link JdkHttpTransport} hands every exchange to the JDK
 * client's selector thread and back. On plain HTTP/1.1 (a sidecar, a gateway, a local proxy) that gave about
 * twice the calls per second at 64 concurrent calls, with about half the CPU (BENCHMARKS.md). Async calls go to a
 * {@link JdkHttpTransport} made on first use with the same settings, so they still hold no thread while in
 * flight. Over TLS the JDK transport's HTTP/2 serves many calls on one connection; this one opens a
 * connection per call in flight.
 *
 * <p>Not on core's classpath: add {@code org.apache.httpcomponents.client5:httpclient5} (5.4 or later). The
 * limits of {@link HttpTransport} hold: a watchdog of this transport (one daemon thread, started by the first
 * call, ended by {@link #close()}, checking only while calls are in flight) aborts within 20 ms an exchange
 * whose headers timeout, read timeout or deadline passed. Interrupting a platform thread blocked in a read does
 * not end it; its deadline does.
 *
 * <pre>{@code
 * GroqClient client = GroqClient.builder()
 *         .transport(ApacheHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build())
 *         .build();
 * }</pre>
 */
public final class ApacheHttpTransport implements HttpTransport {
    /** Everything that names an Apache type, so that this class loads without httpclient5. */
    private final Engine engine;
    private final Duration connectTimeout;
    private final SSLContext sslContext;
    private final ProxySelector proxy;
    private final Object lock = new Object();
    private final Watchdog watchdog = new Watchdog("groqj-apache-watchdog");
    private JdkHttpTransport async;
    private volatile boolean closed;

    private ApacheHttpTransport(Builder b) {
        requireHttpClient5();
        this.connectTimeout = b.connectTimeout;
        this.sslContext = b.sslContext;
        this.proxy = b.proxy;
        this.engine = new Engine(b);
    }

    /** Without httpclient5 the engine cannot load: say what to add, rather than a NoClassDefFoundError. */
    private static void requireHttpClient5() {
        try {
            Class.forName("org.apache.hc.client5.http.impl.classic.HttpClients", false,
                    ApacheHttpTransport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ApacheHttpTransport needs Apache HttpClient 5 beside groqj-core: add"
                    + " org.apache.httpcomponents.client5:httpclient5 (5.4 or later), or use JdkHttpTransport", e);
        }
    }

    /** A transport with the default settings and this connect timeout. */
    public static ApacheHttpTransport create(Duration connectTimeout) {
        return builder().connectTimeout(connectTimeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        try (Exchange exchange = open(request, true)) {
            return new HttpResponse(exchange.status, exchange.headers,
                    Exchanges.readAll(exchange, exchange.headers, exchange.limits.maxBytes()));
        } catch (IOException e) {
            throw new NetworkException(describe(request) + ": the answer could not be read: " + e, e);
        }
    }

    @Override
    public StreamingResponse sendStreaming(HttpRequest request) {
        Exchange exchange = open(request, false);
        return new StreamingResponse() {
            @Override public int statusCode() { return exchange.status; }
            @Override public Headers headers() { return exchange.headers; }
            @Override public InputStream body() { return exchange; }
            @Override public void close() { exchange.close(); }
        };
    }

    @Override
    public CompletableFuture<HttpResponse> sendAsync(HttpRequest request) {
        return async(request).sendAsync(request);
    }

    @Override
    public CompletableFuture<AsyncStreamingResponse> sendStreamingAsync(HttpRequest request) {
        return async(request).sendStreamingAsync(request);
    }

    /** Closes the pooled connections and the watchdog, and the async transport if one was made; later calls are refused. */
    @Override
    public void close() {
        JdkHttpTransport a;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            a = async;
        }
        engine.close();
        watchdog.close();
        if (a != null) a.close();
    }

    private JdkHttpTransport async(HttpRequest request) {
        synchronized (lock) { // builds a client, no I/O: safe for virtual threads
            refuseIfClosed(request);
            if (async == null) {
                async = JdkHttpTransport.create(connectTimeout, b -> {
                    if (proxy != null) b.proxy(proxy);
                    if (sslContext != null) b.sslContext(sslContext);
                }, null);
            }
            return async;
        }
    }

    /** Sends {@code request} and returns once the status and headers arrived. */
    private Exchange open(HttpRequest request, boolean whole) {
        refuseIfClosed(request);
        return engine.open(request, whole, watchdog);
    }

    private void refuseIfClosed(HttpRequest request) {
        if (closed) throw new GroqException("the client is closed: " + describe(request) + " was not sent");
    }

    /** The Apache client and what turns groqj's requests into its own. */
    private static final class Engine {
        private final CloseableHttpClient http;

        Engine(Builder b) {
            PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(b.maxConnections)
                    .setMaxConnPerRoute(b.maxConnections)
                    // 8 KiB buffers a connection, not Apache's 32 KiB each way: a held stream costs 16 KiB, not 64
                    .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                            .http1Config(Http1Config.custom().setBufferSize(8 * 1024).build()).build())
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(b.connectTimeout))
                            .setSocketTimeout(Timeout.DISABLED) // the watchdog ends a silent exchange, by the request's limits
                            // a connection idle for a second is checked before reuse: servers close idle ones
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build());
            if (b.sslContext != null) connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(b.sslContext));
            var client = HttpClients.custom()
                    .setConnectionManager(connections.build())
                    .disableRedirectHandling()       // a redirect would carry the key to another origin
                    .disableAutomaticRetries()       // groqj retries, and never a request whose answer began
                    .disableContentCompression()     // no gzip: a stream's chunks must reach the caller as they come
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableDefaultUserAgent();
            if (b.proxy != null) client.setRoutePlanner(new SystemDefaultRoutePlanner(b.proxy));
            this.http = client.build();
        }

        void close() {
            http.close(CloseMode.IMMEDIATE);
        }

        Exchange open(HttpRequest request, boolean whole, Watchdog watchdog) {
            HttpUriRequestBase message = toApache(request);
            Exchange exchange = new Exchange(request, message, watchdog);
            ClassicHttpResponse response;
            try {
                response = http.executeOpen(null, message, null);
            } catch (IOException | RuntimeException e) {
                exchange.end();
                if (e instanceof GroqException) throw (GroqException) e;
                GroqTimeoutException timedOut = exchange.fired;
                if (timedOut != null) throw timedOut;
                for (Throwable c = e; c != null; c = c.getCause()) { // as thrown, or wrapped by Apache
                    if (c instanceof ReadFailure) throw Exchanges.unreadableBody(request, ((ReadFailure) c).getCause());
                }
                throw new NetworkException(describe(request) + " failed: " + e, e);
            }
            exchange.answered(response, whole);
            return exchange;
        }

        private static HttpUriRequestBase toApache(HttpRequest request) {
            HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
            request.headers().toMap().forEach((name, values) -> {
                if (Exchanges.RESTRICTED.contains(name)) return;
                // HttpRequest.Builder refused control characters: a value cannot add headers of its own
                for (String value : values) {
                    message.addHeader(name, value);
                }
            });
            RequestBody body = request.body();
            if (body != null) {
                message.addHeader("Content-Type", body.contentType());
                message.setEntity(entity(body));
            }
            return message;
        }

        private static HttpEntity entity(RequestBody body) {
            byte[] buffered = body.bytesIfBuffered();
            if (buffered != null) return new ByteArrayEntity(buffered, null);
            // opened when Apache writes it, so each send (each retry) reads the whole body again
            return new InputStreamEntity(new LazyBody(body), body.contentLength(), null);
        }
    }

    /** A request body's source failure, told apart from the network's when Apache reports it. */
    private static final class ReadFailure extends IOException {
        ReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Opens the body's source on first read. */
    private static final class LazyBody extends InputStream {
        private final RequestBody body;
        private InputStream in;

        LazyBody(RequestBody body) {
            this.body = body;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                try {
                    in = body.open();
                } catch (IOException e) {
                    throw new ReadFailure(e);
                }
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return Exchanges.readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in().read(b, off, len);
            } catch (ReadFailure e) {
                throw e;
            } catch (IOException e) {
                throw new ReadFailure(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (in != null) in.close();
        }
    }

    /** One exchange: watched for its limits, then its body, read on the caller's thread under its {@link BodyLimits}. */
    private static final class Exchange extends InputStream implements Watchdog.Watched {
        /** What {@link #close()} reads of a body not read to its end before it closes the connection instead. */
        private static final int MAX_REST_BYTES = 8 * 1024;
        private static final long MAX_REST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
        /** The watchdog's reason for ending that wait; compared, never thrown. */
        private static final GroqTimeoutException REST_CUT = new GroqTimeoutException("the rest did not come at once", null);
        private final HttpRequest request;
        private final HttpUriRequestBase message;
        private final Watchdog watchdog;
        /** The attempt's read timeout and deadline, for the watchdog; {@link #limits} adds the answer's byte cap. */
        private final BodyLimits timing;
        private final Duration headersTimeout;
        private final long headersDeadline;
        private BodyLimits limits;
        private ClassicHttpResponse response;
        private InputStream in;
        int status;
        Headers headers;
        private boolean failPastCap;
        private long delivered;
        private boolean atEnd;
        private volatile boolean closed;
        /** Held by whoever reads {@link #in}: the reader, or {@link #close()} taking the rest; Apache's streams are not shared. */
        private final ReentrantLock reading = new ReentrantLock();
        /** When the reader began waiting in a read, or 0 when it is not in one. */
        private volatile long readingSince;
        private volatile boolean headersArrived;
        /** Why the watchdog aborted the exchange, or null. */
        volatile GroqTimeoutException fired;
        /** While {@link #close()} takes the rest of the body: when the watchdog ends that; else 0. */
        private volatile long restUntil;
        /** Whether the watchdog ended {@link #close()}'s wait for the rest. */
        private volatile boolean restCut;

        Exchange(HttpRequest request, HttpUriRequestBase message, Watchdog watchdog) {
            this.request = request;
            this.message = message;
            this.watchdog = watchdog;
            this.timing = this.limits = BodyLimits.of(request);
            this.headersTimeout = request.timeout();
            this.headersDeadline = BodyLimits.deadlineAfter(System.nanoTime(), headersTimeout);
            watchdog.watch(this);
        }

        void answered(ClassicHttpResponse response, boolean whole) {
            this.response = response;
            this.status = response.getCode();
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header h : response.getHeaders()) map.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
            this.headers = Headers.wrapCaseInsensitive(map);
            this.limits = bodyLimits(limits, status, whole);
            this.failPastCap = isSuccess(status) && whole;
            headersArrived = true;
            HttpEntity entity = response.getEntity();
            try {
                this.in = entity == null ? InputStream.nullInputStream() : entity.getContent();
            } catch (IOException e) {
                cut();
                throw new NetworkException(describe(request) + ": the answer could not be read: " + e, e);
            }
        }

        @Override
        public GroqTimeoutException passedLimit(long now) {
            long rest = restUntil;
            if (rest != 0 && now - rest >= 0) return REST_CUT;
            if (!headersArrived) {
                if (headersDeadline - now <= 0) {
                    return new GroqTimeoutException(describe(request) + " timed out: no answer within " + headersTimeout,
                            null);
                }
                return timing.untilDeadline(now) <= 0 ? timing.timeout(now) : null;
            }
            long since = readingSince; // silence counts only while the reader waits in a read
            long left = since == 0 ? timing.untilDeadline(now) : timing.waitNanos(since, now);
            return left <= 0 ? timing.timeout(now) : null;
        }

        @Override
        public void abort(GroqTimeoutException reason) {
            if (reason == REST_CUT) restCut = true; // not the call's failure: the answer was read, only its end is missing
            else fired = reason;
            message.cancel(); // the reader's blocked read fails now, and finds why in fired
        }

        /** The exchange is over: the watchdog lets it go. */
        void end() {
            watchdog.release(this);
        }

        @Override
        public int read() throws IOException {
            return Exchanges.readOne(this);
        }

        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            if (closed) throw new IOException("closed");
            if (len == 0) return 0;
            if (atEnd) return -1;
            long room = limits.maxBytes() - delivered;
            int n = room > 0 ? readIn(into, off, (int) Math.min(len, room)) : readIn(new byte[1], 0, 1);
            if (n < 0) {
                atEnd = true; // the whole body arrived: Apache has put the connection back in its pool
                end();
                return -1;
            }
            if (room <= 0) {
                cut();
                if (failPastCap) throw limits.tooLarge(status, headers);
                return -1;
            }
            delivered += n;
            return n;
        }

        private int readIn(byte[] into, int off, int len) throws IOException {
            reading.lock(); // not synchronized: a virtual thread blocked in the read below keeps its carrier free
            readingSince = System.nanoTime() | 1; // never 0, which means "not in a read"
            try {
                if (closed) throw new IOException("closed");
                int n = in.read(into, off, len);
                // Apache may report an aborted exchange as the body's end: that must not pass for a whole answer
                if (n < 0 && (closed || fired != null)) throw new IOException("the exchange was aborted");
                return n;
            } catch (IOException e) {
                boolean closedElsewhere = closed;
                cut();
                GroqTimeoutException timedOut = fired;
                if (timedOut != null) throw timedOut;
                if (closedElsewhere) throw e; // closed by its owner: like any closed stream
                throw new NetworkException("the connection failed while the answer was being read: " + e, e);
            } finally {
                readingSince = 0;
                reading.unlock();
            }
        }

        /**
         * Ends the exchange. The rest of a body not read to its end is taken if it is small and already on its
         * way (a stream closed after its last event still has the body's last bytes to come), so the connection
         * goes back to the pool; otherwise the connection is closed, never drained.
         */
        @Override
        public void close() {
            if (closed) return;
            closed = true; // first: a read on another thread from now on fails as on any closed stream
            if (!atEnd && restArrivesAtOnce()) atEnd = true;
            release();
        }

        /** Ends the exchange as it stands: closes the connection unless the body was read to its end. */
        private void cut() {
            if (closed) return;
            closed = true;
            release();
        }

        private void release() {
            end();
            if (!atEnd) message.cancel();
            try {
                if (response != null) response.close();
            } catch (IOException e) {
                // the connection is discarded either way
            }
        }

        /** Reads the rest of the body if it ends within {@link #MAX_REST_BYTES}, before the watchdog cuts it short. */
        private boolean restArrivesAtOnce() {
            // a reader on another thread holds the stream: cut it, which ends that read
            if (in == null || !reading.tryLock()) return false;
            restUntil = (System.nanoTime() + MAX_REST_WAIT_NANOS) | 1;
            byte[] rest = new byte[512];
            int total = 0;
            try {
                for (int n; (n = in.read(rest)) >= 0; ) {
                    total += n;
                    if (total > MAX_REST_BYTES) return false;
                }
                return !restCut; // the end Apache reports after the watchdog's abort is not the body's

            } catch (IOException e) {
                return false;
            } finally {
                restUntil = 0;
                reading.unlock();
            }
        }
    }

    /** Settings of an {@link ApacheHttpTransport}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxConnections = Integer.MAX_VALUE;
        private SSLContext sslContext;
        private ProxySelector proxy;

        private Builder() {
        }

        /** How long a new connection may take to open (10 seconds unless set). */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout == null");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new ValidationException("connectTimeout", "must be positive, was " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The most connections open at once, which is the most calls in flight (no limit unless set). */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) throw new ValidationException("maxConnections", "must be at least 1, was " + maxConnections);
            this.maxConnections = maxConnections;
            return this;
        }

        /** The TLS context (trust, client certificates); the JDK's default unless set. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
            return this;
        }

        /** Where requests go through a proxy; none unless set. */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy == null");
            return this;
        }

        public ApacheHttpTransport build() {
            return new ApacheHttpTransport(this);
        }
    }
}
