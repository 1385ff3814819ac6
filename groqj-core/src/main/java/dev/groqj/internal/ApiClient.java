package dev.groqj.internal;

import dev.groqj.GroqConfig;
import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.auth.AuthProvider;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.ValidationException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.Sleeper;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.transport.AsyncStreamingResponse;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpRequest;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.HttpTransport;
import dev.groqj.transport.RequestBody;
import dev.groqj.transport.StreamingResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path every call takes, the executor of {@link Operation}s: build the request (base URL, headers), run it
 * through the resilience orchestrator (circuit breaker, rate-limit wait, retry), apply auth on each attempt, map an
 * error answer and decode a good one, once each. Services declare operations and call this; they never see
 * {@code java.net.http}. Not API.
 */
public final class ApiClient {
    private static final int MAX_ERROR_BODY_BYTES = 1 << 20;
    /** Enough for every fixed path and a few model or file ids; ids beyond it are simply not cached. */
    private static final int MAX_CACHED_URIS = 256;

    private final GroqConfig config;
    private final HttpTransport transport;
    private final AuthProvider auth;
    private final ResilienceOrchestrator resilience;
    private final String userAgent;
    /** Each fixed path is parsed into a URI once, not on every call. */
    private final Map<String, URI> fixedPathUris = new ConcurrentHashMap<>();
    private final HttpLog log;
    /** The base URL without its {@code /openai/v1}: where Groq's other APIs ({@code /v1/fine_tunings}) live. */
    private final String apiRoot;
    private volatile boolean closed;

    public ApiClient(GroqConfig config, HttpTransport transport, AuthProvider auth, ResilienceOrchestrator resilience) {
        this(config, transport, auth, resilience, false);
    }

    /** @param logBodies whether debug logging shows request and response bodies (they may hold prompts) */
    public ApiClient(GroqConfig config, HttpTransport transport, AuthProvider auth, ResilienceOrchestrator resilience,
                     boolean logBodies) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.auth = Objects.requireNonNull(auth, "auth == null");
        this.resilience = Objects.requireNonNull(resilience, "resilience == null");
        this.userAgent = UserAgent.value();
        this.log = new HttpLog(logBodies);
        this.apiRoot = apiRoot(config.baseUrl());
    }

    /**
     * {@code https://api.groq.com/openai/v1} gives {@code https://api.groq.com}; a base URL without that ending (a
     * gateway that maps Groq under its own path) is taken as the root itself.
     */
    static String apiRoot(String baseUrl) {
        String openAi = "/openai/v1";
        return baseUrl.endsWith(openAi) ? baseUrl.substring(0, baseUrl.length() - openAi.length()) : baseUrl;
    }

    /** The answer of one call of {@code op}, decoded, with its status and headers. */
    public <Q, R> GroqResponse<R> execute(Operation<Q, R> op, Q request, RequestOptions options) {
        Operation.Call<R> prepared = op.prepare(request, options);
        Exchange exchange = exchange(prepared);
        return resilience.execute(exchange.call, () -> decode(exchange.send(), prepared),
                exchange.usage(prepared.describe()));
    }

    public <Q, R> R call(Operation<Q, R> op, Q request, RequestOptions options) {
        return execute(op, request, options).value();
    }

    /**
     * The non-blocking form of {@link #execute}: no thread waits for the answer, backoffs and rate-limit waits are
     * scheduled. Cancelling the future stops retrying and aborts the exchange in flight.
     */
    public <Q, R> CompletableFuture<GroqResponse<R>> executeAsync(Operation<Q, R> op, Q request,
                                                                  RequestOptions options) {
        Operation.Call<R> prepared = op.prepare(request, options);
        Exchange exchange = exchange(prepared);
        return resilience.executeAsync(exchange.call,
                () -> Futures.map(exchange.sendAsync(), r -> decode(r, prepared)), exchange.usage(prepared.describe()));
    }

    public <Q, R> CompletableFuture<R> callAsync(Operation<Q, R> op, Q request, RequestOptions options) {
        return Futures.map(executeAsync(op, request, options), GroqResponse::value);
    }

    /**
     * Opens {@code op}'s answer as a stream, read as it arrives; the caller closes it. Failures before the stream
     * opens are retried; once it is open, the result reports how it ended ({@link OpenStream#ended},
     * {@link OpenStream#failed}) and nothing is sent again.
     */
    public <Q> OpenStream openStream(Operation<Q, ?> op, Q request, RequestOptions options) {
        Exchange exchange = exchange(op.prepare(request, options), true);
        Instant startedAt = resilience.clock().instant();
        StreamingResponse response = resilience.execute(exchange.call, exchange::openStream);
        return new OpenStream(response, exchange.call, startedAt, resilience);
    }

    /**
     * The non-blocking form of {@link #openStream}: completes once a 2xx answer's headers arrived, the body then
     * published as the reader asks for it. Cancelling the future before that aborts the exchange.
     */
    public <Q> CompletableFuture<AsyncOpenStream> openStreamAsync(Operation<Q, ?> op, Q request,
                                                                  RequestOptions options) {
        Exchange exchange = exchange(op.prepare(request, options), true);
        Instant startedAt = resilience.clock().instant();
        CompletableFuture<AsyncStreamingResponse> opened =
                resilience.executeAsync(exchange.call, exchange::openStreamAsync);
        CompletableFuture<AsyncOpenStream> result =
                Futures.map(opened, r -> new AsyncOpenStream(r, exchange.call, startedAt, resilience));
        // a stream that opens just as the caller cancels would hold its connection: close it
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) opened.thenAccept(AsyncStreamingResponse::close);
        });
        return result;
    }

    /**
     * Writes {@code op}'s answer to {@code out} as it arrives and returns how many bytes; does not close it.
     * Nothing is retried once bytes arrived: they may already be written.
     */
    public <Q> long download(Operation<Q, ?> op, Q request, OutputStream out, RequestOptions options) {
        Objects.requireNonNull(out, "out == null");
        return Download.copy(openStream(op, request, options), out, op.name());
    }

    /** {@link #download} to {@code file}, which is replaced only once all of it came. */
    public <Q> long download(Operation<Q, ?> op, Q request, Path file, RequestOptions options) {
        Objects.requireNonNull(file, "file == null");
        op.prepare(request, options); // an invalid request fails before a file is made
        return Download.toFile(file, op.name(), out -> download(op, request, out, options));
    }

    /** The non-blocking form of {@link #download}: the body is written by the transport as each piece arrives. */
    public <Q> CompletableFuture<Long> downloadAsync(Operation<Q, ?> op, Q request, OutputStream out,
                                                     RequestOptions options) {
        Objects.requireNonNull(out, "out == null");
        return Futures.compose(openStreamAsync(op, request, options), s -> Download.copyAsync(s, out, op.name()));
    }

    public <Q> CompletableFuture<Long> downloadAsync(Operation<Q, ?> op, Q request, Path file,
                                                     RequestOptions options) {
        Objects.requireNonNull(file, "file == null");
        op.prepare(request, options); // an invalid request fails before a file is made
        return Download.toFileAsync(file, op.name(), out -> downloadAsync(op, request, out, options));
    }

    public RateLimitStatus rateLimitStatus() {
        return resilience.rateLimitManager().status();
    }

    /** The client's clock and sleeper, for helpers that wait between calls (a batch job's polls) as tests inject them. */
    public Clock clock() {
        return resilience.clock();
    }

    public Sleeper sleeper() {
        return resilience.sleeper();
    }

    public RateLimitStatus rateLimitStatus(String model) {
        return resilience.rateLimitManager().status(model);
    }

    public Map<String, RateLimitStatus> rateLimitStatusByModel() {
        return resilience.rateLimitManager().statusByModel();
    }

    /** Refuses every later call; closing the transport is the client's (it may be the user's). */
    public void close() {
        closed = true;
    }

    private Exchange exchange(Operation.Call<?> prepared) {
        return exchange(prepared, false);
    }

    private Exchange exchange(Operation.Call<?> prepared, boolean streaming) {
        CallInfo call = finish(prepared.info().streaming(streaming), prepared.options());
        if (closed) throw new GroqException("the client is closed: " + call.operation() + " was not sent");
        Duration deadline = call.deadline() != null ? call.deadline() : config.retryConfig().deadline();
        Instant deadlineAt = deadline == null ? null : resilience.clock().instant().plus(deadline);
        return new Exchange(call, request(call.method(), prepared.atRoot(), call.path(), prepared.body(),
                prepared.options()), deadlineAt);
    }

    /** The one place a whole answer is decoded: after its attempt succeeded, so only a 2xx body is read. */
    private static <R> GroqResponse<R> decode(HttpResponse response, Operation.Call<R> prepared) {
        return new GroqResponse<>(prepared.decode().apply(response), response.statusCode(), response.headers());
    }

    /**
     * One call's request and its attempts: each attempt tells the listener and the log, updates the rate-limit
     * state from the answer's headers and maps an error answer.
     */
    private final class Exchange {
        final CallInfo call;
        private final HttpRequest request;
        private final Instant deadlineAt;
        private final AtomicInteger attempts = new AtomicInteger();

        Exchange(CallInfo call, HttpRequest request, Instant deadlineAt) {
            this.call = call;
            this.request = request;
            this.deadlineAt = deadlineAt;
        }

        HttpResponse send() {
            Attempt attempt = sending();
            return attempt.checked(attempt.sent(() -> transport.send(attempt.request)));
        }

        CompletableFuture<HttpResponse> sendAsync() {
            Attempt attempt = sending();
            return Futures.map(attempt.sentAsync(transport.sendAsync(attempt.request)), attempt::checked);
        }

        StreamingResponse openStream() {
            Attempt attempt = sending();
            StreamingResponse r = attempt.sent(() -> transport.sendStreaming(attempt.request));
            attempt.answered(r.statusCode(), r.headers(), null);
            if (!isSuccess(r.statusCode())) throw error(r.statusCode(), r.headers(), readErrorBody(r));
            return r;
        }

        CompletableFuture<AsyncStreamingResponse> openStreamAsync() {
            Attempt attempt = sending();
            return Futures.compose(attempt.sentAsync(transport.sendStreamingAsync(attempt.request)), r -> {
                attempt.answered(r.statusCode(), r.headers(), null);
                if (isSuccess(r.statusCode())) return CompletableFuture.completedFuture(r);
                return ErrorBody.read(r, MAX_ERROR_BODY_BYTES).thenApply(body -> {
                    throw error(r.statusCode(), r.headers(), body);
                });
            });
        }

        /** For the orchestrator: reports what the result says about itself and returns its usage. */
        <T> Function<GroqResponse<T>, TokenUsage> usage(Function<? super T, ResponseInfo> describe) {
            return response -> {
                ResponseInfo info = describe.apply(response.value());
                if (info == null) return null;
                if (info.requestId() == null) {
                    info = info.toBuilder().requestId(response.headers().firstOrNull("x-request-id")).build();
                }
                resilience.listener().responseReceived(call, info);
                return info.usage();
            };
        }

        private Attempt sending() {
            Attempt attempt = new Attempt(attempts.incrementAndGet(), attemptRequest());
            log.sent(call, attempt.number, attempt.request);
            resilience.listener().requestSent(call);
            return attempt;
        }

        /**
         * This attempt's request: credentials applied now, so a provider that refreshes its token is asked on every
         * attempt, and timeouts cut to what the call's deadline leaves, so the deadline bounds every attempt and the
         * reading of its body.
         */
        private HttpRequest attemptRequest() {
            HttpRequest.Builder attempt = request.toBuilder();
            auth.apply(attempt);
            if (deadlineAt == null) return attempt.build();
            Duration left = Duration.between(resilience.clock().instant(), deadlineAt);
            if (left.isNegative() || left.isZero()) {
                throw new GroqTimeoutException(call.operation() + ": the call's deadline passed before attempt "
                        + (attempts.get()) + " could be sent", null);
            }
            attempt.attemptTimeout(left);
            if (left.compareTo(request.timeout()) < 0) attempt.timeout(left);
            return attempt.build();
        }

        private GroqException error(int status, Headers headers, byte[] body) {
            return ErrorMapper.map(status, headers, body, rateLimitStatus(call.model()), resilience.clock());
        }

        /** One attempt of the exchange: logs how it went and tells the pipeline what the answer said. */
        private final class Attempt {
            final int number;
            final HttpRequest request;
            final long startNanos = System.nanoTime();

            Attempt(int number, HttpRequest request) {
                this.number = number;
                this.request = request;
            }

            <R> R sent(Supplier<R> send) {
                try {
                    return send.get();
                } catch (RuntimeException e) {
                    log.failed(call, number, startNanos, e);
                    throw e;
                }
            }

            <R> CompletableFuture<R> sentAsync(CompletableFuture<R> sent) {
                sent.whenComplete((r, e) -> {
                    if (e != null) log.failed(call, number, startNanos, e);
                });
                return sent;
            }

            HttpResponse checked(HttpResponse response) {
                answered(response.statusCode(), response.headers(), response.body());
                if (!response.isSuccessful()) {
                    throw error(response.statusCode(), response.headers(), response.body());
                }
                return response;
            }

            void answered(int status, Headers headers, byte[] body) {
                log.answered(call, number, status, headers, startNanos, body);
                resilience.rateLimitManager().update(call.model(), headers);
                resilience.listener().responseHeaders(call, status, headers.firstOrNull("x-request-id"));
            }
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static byte[] readErrorBody(StreamingResponse response) {
        try (response; InputStream in = response.body()) {
            return in.readNBytes(MAX_ERROR_BODY_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static CallInfo finish(CallInfo.Builder call, RequestOptions options) {
        if (options.maxRetries() != null) call.maxRetries(options.maxRetries());
        if (options.deadline() != null) call.deadline(options.deadline());
        return call.build();
    }

    /** The call's request without credentials: {@link Exchange#attemptRequest} adds them on each attempt. */
    private HttpRequest request(String method, boolean atRoot, String path, RequestBody body, RequestOptions o) {
        HttpRequest.Builder b = HttpRequest.builder()
                .method(method)
                .uri(uri(atRoot, path, o.queryParams()))
                .body(body)
                .timeout(o.timeout() != null ? o.timeout() : config.timeout())
                .readTimeout(o.readTimeout() != null ? o.readTimeout() : config.readTimeout())
                .maxResponseBytes(config.maxResponseBytes())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        config.defaultHeaders().forEach(b::header);
        o.headers().forEach(b::header);
        return b.build();
    }

    private URI uri(boolean atRoot, String path, Map<String, String> query) {
        String prefix = atRoot ? apiRoot : config.baseUrl();
        if (query.isEmpty()) {
            // a path under the root is cached apart: "/v1/x" there is not "/v1/x" under the base URL
            String key = atRoot ? "root:" + path : path;
            URI cached = fixedPathUris.get(key);
            if (cached != null) return cached;
            URI uri = buildUri(prefix, path, query);
            if (fixedPathUris.size() < MAX_CACHED_URIS) fixedPathUris.put(key, uri);
            return uri;
        }
        return buildUri(prefix, path, query);
    }

    private URI buildUri(String prefix, String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(prefix).append(path);
        char sep = path.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        try {
            return URI.create(sb.toString());
        } catch (IllegalArgumentException e) {
            throw new GroqException("invalid request URL: " + e.getMessage(), e);
        }
    }

    /**
     * Percent-encodes the id {@code raw} as one path segment: {@code openai/gpt-oss-120b} becomes
     * {@code openai%2Fgpt-oss-120b}. A blank id, {@code .} or {@code ..} fails naming {@code param}: servers
     * resolve dot segments (many after decoding {@code %2E}), so no encoding of them is safe.
     */
    public static String segment(String param, String raw) {
        if (raw == null || raw.isBlank()) throw new ValidationException(param, "an id is required");
        if (raw.equals(".") || raw.equals("..")) throw new ValidationException(param, "must not be '.' or '..'");
        return encode(raw);
    }

    private static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
