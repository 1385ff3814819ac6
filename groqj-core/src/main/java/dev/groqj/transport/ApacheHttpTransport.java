package dev.groqj.transport;

import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ValidationException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static dev.groqj.transport.Exchanges.bodyLimits;
import static dev.groqj.transport.Exchanges.describe;
import static dev.groqj.transport.Exchanges.isSuccess;

/**
 * A transport over Apache HttpClient 5 (classic) for blocking calls: each call writes and reads its own pooled
 * HTTP/1.1 connection on the caller's thread, where {@link JdkHttpTransport} hands every exchange to the JDK
 * client's selector thread and back. On plain HTTP/1.1 (a sidecar, a gateway, a local proxy) that is several
 * times the calls per second at a fraction of the CPU (BENCHMARKS.md). Async calls go to a
 * {@link JdkHttpTransport} made on first use with the same settings, so they still hold no thread while in
 * flight. Over TLS the JDK transport's HTTP/2 serves many streams on one connection; this one opens a
 * connection per concurrent call.
 *
 * <p>Not on core's classpath: add {@code org.apache.httpcomponents.client5:httpclient5} (5.4 or later). The
 * limits of {@link HttpTransport} hold: a timer of this transport (one daemon thread, made on first call,
 * ended by {@link #close()}) aborts an exchange whose headers, silence or deadline run out. Interrupting a
 * platform thread blocked in a read does not end it; its deadline does.
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
    private volatile ScheduledThreadPoolExecutor timer;
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
        try (Exchange exchange = engine.open(request, true, timer(request))) {
            return new HttpResponse(exchange.status, exchange.headers,
                    Exchanges.readAll(exchange, exchange.headers, exchange.limits.maxBytes()));
        } catch (IOException e) {
            throw new NetworkException(describe(request) + ": the answer could not be read: " + e, e);
        }
    }

    @Override
    public StreamingResponse sendStreaming(HttpRequest request) {
        Exchange exchange = engine.open(request, false, timer(request));
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

    /** Closes the pooled connections and the timer, and the async transport if one was made; later calls are refused. */
    @Override
    public void close() {
        JdkHttpTransport a;
        ScheduledThreadPoolExecutor t;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            a = async;
            t = timer;
        }
        engine.close();
        if (t != null) t.shutdownNow();
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

    private ScheduledThreadPoolExecutor timer(HttpRequest request) {
        ScheduledThreadPoolExecutor made = timer;
        if (made != null && !closed) return made;
        synchronized (lock) {
            refuseIfClosed(request);
            if (timer == null) {
                timer = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread t = new Thread(task, "groqj-apache-timer");
                    t.setDaemon(true);
                    return t;
                });
                timer.setRemoveOnCancelPolicy(true); // a call that ends in time leaves nothing queued
            }
            return timer;
        }
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
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(b.connectTimeout))
                            .setSocketTimeout(Timeout.DISABLED) // the timer ends a silent exchange, by the request's limits
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

        /** Sends {@code request} and returns once the status and headers arrived. */
        Exchange open(HttpRequest request, boolean whole, ScheduledThreadPoolExecutor timer) {
            HttpUriRequestBase message = toApache(request);
            BodyLimits limits = BodyLimits.of(request);
            Exchange exchange = new Exchange(request, message, limits, timer);
            exchange.arm(request.timeout());
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

    /**
     * One exchange: its timer, and then its body, read on the caller's thread under its {@link BodyLimits}. At
     * most one timer task is queued for it; a task that finds time left queues the next check.
     */
    private static final class Exchange extends InputStream implements Runnable {
        private static final long NONE = Long.MAX_VALUE;
        private final HttpRequest request;
        private final HttpUriRequestBase message;
        private final ScheduledThreadPoolExecutor timer;
        private BodyLimits limits;
        private Duration headersTimeout;
        private long headersDeadline = NONE;
        private ClassicHttpResponse response;
        private InputStream in;
        int status;
        Headers headers;
        private boolean failPastCap;
        private long delivered;
        private boolean atEnd;
        private boolean closed;
        /** When the reader began waiting in a read, or 0 when it is not in one. */
        private volatile long readingSince;
        private volatile boolean headersArrived;
        private volatile boolean ended;
        /** Why the timer aborted the exchange, or null. */
        volatile GroqTimeoutException fired;
        private ScheduledFuture<?> check;

        Exchange(HttpRequest request, HttpUriRequestBase message, BodyLimits limits, ScheduledThreadPoolExecutor timer) {
            this.request = request;
            this.message = message;
            this.limits = limits;
            this.timer = timer;
        }

        void arm(Duration headersTimeout) {
            long now = System.nanoTime();
            this.headersTimeout = headersTimeout;
            if (headersTimeout != null) headersDeadline = saturatedAdd(now, headersTimeout);
            schedule(Math.min(headersDeadline == NONE ? NONE : headersDeadline - now, limits.untilDeadline(now)));
        }

        void answered(ClassicHttpResponse response, boolean whole) {
            this.response = response;
            this.status = response.getCode();
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header h : response.getHeaders()) map.computeIfAbsent(h.getName(), k -> new ArrayList<>(1)).add(h.getValue());
            this.headers = Headers.wrapCaseInsensitive(map);
            boolean ok = isSuccess(status);
            this.limits = bodyLimits(limits, status, whole);
            this.failPastCap = ok && whole;
            HttpEntity entity = response.getEntity();
            try {
                this.in = entity == null ? InputStream.nullInputStream() : entity.getContent();
            } catch (IOException e) {
                close();
                throw new NetworkException(describe(request) + ": the answer could not be read: " + e, e);
            }
            synchronized (this) {
                headersArrived = true;
                // the headers' own timeout is over: the next check is for silence or the deadline
                if (check != null) check.cancel(false);
                check = null;
            }
            scheduleBodyCheck(System.nanoTime());
        }

        private void scheduleBodyCheck(long now) {
            long until = limits.untilDeadline(now);
            long silence = limits.waitNanos(now, now); // the read timeout itself, or what the deadline leaves
            schedule(Math.min(until, silence));
        }

        private synchronized void schedule(long delayNanos) {
            if (ended || delayNanos == NONE) return;
            check = timer.schedule(this, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
        }

        /** The timer's check: aborts the exchange at a limit, else queues the next check. */
        @Override
        public void run() {
            if (ended) return;
            long now = System.nanoTime();
            if (!headersArrived) {
                if (headersDeadline - now <= 0) {
                    abortFor(new GroqTimeoutException(describe(request) + " timed out: no answer within "
                            + headersTimeout, null));
                } else if (limits.untilDeadline(now) <= 0) {
                    abortFor(limits.timeout(now));
                } else {
                    schedule(Math.min(headersDeadline - now, limits.untilDeadline(now)));
                }
                return;
            }
            long since = readingSince;
            long left = since == 0 ? limits.untilDeadline(now) : limits.waitNanos(since, now);
            if (left <= 0) {
                abortFor(limits.timeout(now));
            } else if (since == 0) {
                scheduleBodyCheck(now); // not in a read: silence is not counted, the deadline is
            } else {
                schedule(left);
            }
        }

        private void abortFor(GroqTimeoutException reason) {
            fired = reason;
            message.cancel();
        }

        /** The exchange is over: no check runs after this. */
        synchronized void end() {
            ended = true;
            if (check != null) check.cancel(false);
            check = null;
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
                close();
                if (failPastCap) throw limits.tooLarge(status, headers);
                return -1;
            }
            delivered += n;
            return n;
        }

        private int readIn(byte[] into, int off, int len) {
            readingSince = System.nanoTime() | 1; // never 0, which means "not in a read"
            try {
                return in.read(into, off, len);
            } catch (IOException e) {
                close();
                GroqTimeoutException timedOut = fired;
                if (timedOut != null) throw timedOut;
                throw new NetworkException("the connection failed while the answer was being read: " + e, e);
            } finally {
                readingSince = 0;
            }
        }

        /** Ends the exchange: a body not read to its end closes the connection rather than being drained. */
        @Override
        public void close() {
            if (closed) return;
            closed = true;
            end();
            if (!atEnd) message.cancel();
            try {
                if (response != null) response.close();
            } catch (IOException e) {
                // the connection is discarded either way
            }
        }

        private static long saturatedAdd(long now, Duration d) {
            try {
                return Math.addExact(now, d.toNanos());
            } catch (ArithmeticException e) {
                return NONE;
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
