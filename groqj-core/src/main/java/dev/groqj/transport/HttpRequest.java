package dev.groqj.transport;

import dev.groqj.internal.http.HeaderRules;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.Objects;

/** One HTTP request as the transport sends it: absolute URI, headers (auth included), optional body. */
public final class HttpRequest {
    private final String method;
    private final URI uri;
    /** Shared with the builder that made it and any made by {@link #toBuilder()}, which copy it before a change. */
    private final TreeMap<String, List<String>> headerMap;
    private final Headers headers;
    private final RequestBody body;
    private final Duration timeout;
    private final Duration readTimeout;
    private final Duration attemptTimeout;
    private final long maxResponseBytes;

    private HttpRequest(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method == null");
        this.uri = Objects.requireNonNull(b.uri, "uri == null");
        this.headerMap = b.shareHeaders();
        this.headers = Headers.wrapCaseInsensitive(headerMap);
        this.body = b.body;
        this.timeout = b.timeout;
        this.readTimeout = b.readTimeout;
        this.attemptTimeout = b.attemptTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String method() { return method; }
    public URI uri() { return uri; }
    public Headers headers() { return headers; }
    /** The body, or null for GET and DELETE. */
    public RequestBody body() { return body; }
    /** The timeout of this attempt (until the response headers arrive), or null for the transport's default. */
    public Duration timeout() { return timeout; }
    /** The longest silence allowed while the body is read, whole or streamed; null for no limit. */
    public Duration readTimeout() { return readTimeout; }
    /**
     * The most this attempt may take in all, from sending to the body's last byte (what the call's deadline
     * leaves); null for no limit.
     */
    public Duration attemptTimeout() { return attemptTimeout; }
    /**
     * The most bytes read of a successful whole (not streamed) body; past it the exchange is aborted with a
     * {@link dev.groqj.error.ResponseTooLargeException}. Error bodies are cut at {@link HttpTransport#MAX_ERROR_BODY_BYTES}.
     */
    public long maxResponseBytes() { return maxResponseBytes; }

    public Builder toBuilder() {
        Builder b = new Builder().method(method).uri(uri).body(body).timeout(timeout)
                .readTimeout(readTimeout).attemptTimeout(attemptTimeout).maxResponseBytes(maxResponseBytes);
        b.headers = headerMap;
        b.headersShared = true;
        return b;
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + headers;
    }

    public static final class Builder {
        private String method = "GET";
        private URI uri;
        private TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        /**
         * Whether {@link #headers} is also held by a built request: the next change copies it first. A request
         * per call and one per attempt (with credentials) would otherwise copy the map three times a call.
         */
        private boolean headersShared;
        private RequestBody body;
        private Duration timeout;
        private Duration readTimeout;
        private Duration attemptTimeout;
        private long maxResponseBytes = HttpTransport.DEFAULT_MAX_RESPONSE_BYTES;

        public Builder method(String method) { this.method = method; return this; }
        public Builder uri(URI uri) { this.uri = uri; return this; }
        /**
         * Replaces any value of {@code name} (names compare ignoring case). A name that is not a token or a value
         * with a control or non-ASCII character fails here with a {@link dev.groqj.error.ValidationException}
         * naming the header, never echoing the value, so nothing malformed reaches a transport.
         */
        public Builder header(String name, String value) {
            HeaderRules.requireValid(name, value);
            if (headersShared) {
                headers = new TreeMap<>(headers);
                headersShared = false;
            }
            headers.remove(name);
            headers.put(name, List.of(value));
            return this;
        }
        public Builder body(RequestBody body) { this.body = body; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder readTimeout(Duration readTimeout) { this.readTimeout = readTimeout; return this; }
        public Builder attemptTimeout(Duration attemptTimeout) { this.attemptTimeout = attemptTimeout; return this; }
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes <= 0) throw new IllegalArgumentException("maxResponseBytes must be positive");
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }
        public HttpRequest build() { return new HttpRequest(this); }

        private TreeMap<String, List<String>> shareHeaders() {
            headersShared = true;
            return headers;
        }
    }
}
