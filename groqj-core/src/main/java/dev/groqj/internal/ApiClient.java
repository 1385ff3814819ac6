package dev.groqj.internal;

import dev.groqj.GroqConfig;
import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.auth.AuthProvider;
import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.TokenUsage;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.ResilienceOrchestrator;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpRequest;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.HttpTransport;
import dev.groqj.transport.RequestBody;
import dev.groqj.transport.StreamingResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one path every call takes: build the request (base URL, headers, auth), run it through the resilience
 * orchestrator (circuit breaker, rate-limit wait, retry), map an error answer once. Services call this and never
 * see {@code java.net.http}. Not API.
 */
public final class ApiClient {
    private static final int MAX_ERROR_BODY_BYTES = 1 << 20;

    private final GroqConfig config;
    private final HttpTransport transport;
    private final AuthProvider auth;
    private final ResilienceOrchestrator resilience;
    private final String userAgent;

    public ApiClient(GroqConfig config, HttpTransport transport, AuthProvider auth, ResilienceOrchestrator resilience) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.auth = Objects.requireNonNull(auth, "auth == null");
        this.resilience = Objects.requireNonNull(resilience, "resilience == null");
        this.userAgent = UserAgent.value();
    }

    /** A call's description for the orchestrator and listeners; per-call retries and deadline come from options. */
    public static CallInfo.Builder call(String operation, String method, String path) {
        return CallInfo.builder(operation, method, path);
    }

    public <T> T postJson(String operation, String path, Object body, Class<T> type, RequestOptions options) {
        return postJsonWithResponse(call(operation, "POST", path), Json.write(body), type, options, result -> null)
                .value();
    }

    /** POSTs {@code json}; {@code usage} reads the token usage of the result for listeners and budgets. */
    public <T> GroqResponse<T> postJsonWithResponse(CallInfo.Builder call, byte[] json, Class<T> type,
                                                    RequestOptions options, Function<? super T, TokenUsage> usage) {
        CallInfo info = finish(call, options);
        HttpRequest request = request("POST", info.path(), RequestBody.json(json), options);
        return resilience.execute(info, () -> decode(exchange(info, request), type),
                response -> usage.apply(response.value()));
    }

    public <T> GroqResponse<T> getWithResponse(String operation, String path, Class<T> type, RequestOptions options) {
        return decode(send(operation, "GET", path, null, options), type);
    }

    public <T> GroqResponse<T> deleteWithResponse(String operation, String path, Class<T> type, RequestOptions options) {
        return decode(send(operation, "DELETE", path, null, options), type);
    }

    /** Sends one call through the resilience pipeline; returns the 2xx response or throws the mapped exception. */
    public HttpResponse send(String operation, String method, String path, RequestBody body, RequestOptions options) {
        CallInfo info = finish(call(operation, method, path), options);
        HttpRequest request = request(method, path, body, options);
        return resilience.execute(info, () -> exchange(info, request));
    }

    /** Like {@link #send}, the body read as it arrives; the caller closes the result. */
    public OpenStream sendStreaming(String operation, String method, String path, RequestBody body,
                                    RequestOptions options) {
        return openStream(call(operation, method, path), body, options);
    }

    /**
     * Opens a streamed answer. Failures before the stream opens are retried; once it is open, the result reports
     * how it ended ({@link OpenStream#ended}, {@link OpenStream#failed}) and nothing is sent again.
     */
    public OpenStream openStream(CallInfo.Builder call, RequestBody body, RequestOptions options) {
        CallInfo info = finish(call.streaming(true), options);
        HttpRequest request = request(info.method(), info.path(), body, options);
        Instant startedAt = resilience.clock().instant();
        StreamingResponse response = resilience.execute(info, () -> {
            resilience.listener().requestSent(info);
            StreamingResponse r = transport.sendStreaming(request);
            onAnswer(info, r.statusCode(), r.headers());
            if (r.statusCode() < 200 || r.statusCode() >= 300) {
                throw ErrorMapper.map(r.statusCode(), r.headers(), readErrorBody(r), rateLimitStatus(), resilience.clock());
            }
            return r;
        });
        return new OpenStream(response, info, startedAt, resilience);
    }

    public RateLimitStatus rateLimitStatus() {
        return resilience.rateLimitManager().status();
    }

    private HttpResponse exchange(CallInfo info, HttpRequest request) {
        resilience.listener().requestSent(info);
        HttpResponse response = transport.send(request);
        onAnswer(info, response.statusCode(), response.headers());
        if (!response.isSuccessful()) {
            throw ErrorMapper.map(response.statusCode(), response.headers(), response.body(), rateLimitStatus(),
                    resilience.clock());
        }
        return response;
    }

    private static <T> GroqResponse<T> decode(HttpResponse response, Class<T> type) {
        return new GroqResponse<>(Json.read(response.body(), type), response.statusCode(), response.headers());
    }

    private static byte[] readErrorBody(StreamingResponse response) {
        try (response; InputStream in = response.body()) {
            return in.readNBytes(MAX_ERROR_BODY_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private void onAnswer(CallInfo info, int status, Headers headers) {
        resilience.rateLimitManager().update(headers);
        resilience.listener().responseHeaders(info, status, headers.firstOrNull("x-request-id"));
    }

    private static CallInfo finish(CallInfo.Builder call, RequestOptions options) {
        if (options != null && options.maxRetries() != null) call.maxRetries(options.maxRetries());
        return call.build();
    }

    private HttpRequest request(String method, String path, RequestBody body, RequestOptions options) {
        RequestOptions o = options == null ? RequestOptions.DEFAULT : options;
        HttpRequest.Builder b = HttpRequest.builder()
                .method(method)
                .uri(uri(path, o.queryParams()))
                .body(body)
                .timeout(o.timeout() != null ? o.timeout() : config.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
        config.defaultHeaders().forEach(b::header);
        o.headers().forEach(b::header);
        auth.apply(b);
        return b.build();
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(config.baseUrl()).append(path);
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

    /** Percent-encodes {@code raw} as one path segment: {@code openai/gpt-oss-120b} becomes {@code openai%2Fgpt-oss-120b}. */
    public static String segment(String raw) {
        return encode(raw);
    }

    private static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
