package dev.groqj.internal;

import dev.groqj.GroqConfig;
import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.auth.AuthProvider;
import dev.groqj.error.GroqException;
import dev.groqj.resilience.RateLimitStatus;
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
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one path every call takes: build the request (base URL, headers, auth), run it through the resilience
 * orchestrator, map an error answer once. Services call this and never see {@code java.net.http}. Not API.
 */
public final class ApiClient {
    private static final int MAX_ERROR_BODY_BYTES = 1 << 20;

    private final GroqConfig config;
    private final HttpTransport transport;
    private final AuthProvider auth;
    private final Clock clock;
    private final String userAgent;

    public ApiClient(GroqConfig config, HttpTransport transport, AuthProvider auth, Clock clock) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.auth = Objects.requireNonNull(auth, "auth == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.userAgent = UserAgent.value();
    }

    public <T> T postJson(String operation, String path, Object body, Class<T> type, RequestOptions options) {
        return postJsonWithResponse(operation, path, body, type, options).value();
    }

    public <T> GroqResponse<T> postJsonWithResponse(String operation, String path, Object body, Class<T> type,
                                                    RequestOptions options) {
        return decode(send(operation, "POST", path, RequestBody.json(Json.write(body)), options), type);
    }

    public <T> GroqResponse<T> getWithResponse(String operation, String path, Class<T> type, RequestOptions options) {
        return decode(send(operation, "GET", path, null, options), type);
    }

    public <T> GroqResponse<T> deleteWithResponse(String operation, String path, Class<T> type, RequestOptions options) {
        return decode(send(operation, "DELETE", path, null, options), type);
    }

    private static <T> GroqResponse<T> decode(HttpResponse response, Class<T> type) {
        return new GroqResponse<>(Json.read(response.body(), type), response.statusCode(), response.headers());
    }

    /** Sends one call through the resilience pipeline; returns the 2xx response or throws the mapped exception. */
    public HttpResponse send(String operation, String method, String path, RequestBody body, RequestOptions options) {
        HttpRequest request = request(method, path, body, options);
        return run(operation, options, () -> {
            HttpResponse response = transport.send(request);
            onAnswer(response.statusCode(), response.headers());
            if (!response.isSuccessful()) {
                throw ErrorMapper.map(response.statusCode(), response.headers(), response.body(), rateLimitStatus(), clock);
            }
            return response;
        });
    }

    /** Like {@link #send}, the body read as it arrives; the caller closes the result. */
    public StreamingResponse sendStreaming(String operation, String method, String path, RequestBody body,
                                           RequestOptions options) {
        HttpRequest request = request(method, path, body, options);
        return run(operation, options, () -> {
            StreamingResponse response = transport.sendStreaming(request);
            onAnswer(response.statusCode(), response.headers());
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                byte[] errorBody;
                try (response; InputStream in = response.body()) {
                    errorBody = in.readNBytes(MAX_ERROR_BODY_BYTES);
                } catch (IOException e) {
                    errorBody = new byte[0];
                }
                throw ErrorMapper.map(response.statusCode(), response.headers(), errorBody, rateLimitStatus(), clock);
            }
            return response;
        });
    }

    public RateLimitStatus rateLimitStatus() {
        return RateLimitStatus.UNKNOWN;
    }

    public Clock clock() {
        return clock;
    }

    private <T> T run(String operation, RequestOptions options, Supplier<T> attempt) {
        return attempt.get();
    }

    private void onAnswer(int status, dev.groqj.transport.Headers headers) {
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
