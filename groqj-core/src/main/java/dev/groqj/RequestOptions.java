package dev.groqj;

import dev.groqj.internal.http.HeaderRules;
import dev.groqj.internal.check.Checks;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-call settings that override the client's: timeout, retries, extra headers and query parameters.
 *
 * <pre>{@code
 * client.chat().create(request, RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
    public static final RequestOptions DEFAULT = builder().build();

    private final Duration timeout;
    private final Integer maxRetries;
    private final Duration readTimeout;
    private final Duration deadline;
    private final Map<String, String> headers;
    private final Map<String, String> queryParams;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.readTimeout = b.readTimeout;
        this.deadline = b.deadline;
        this.headers = Collections.unmodifiableMap(new TreeMap<>(b.headers));
        this.queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.queryParams));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The timeout of each attempt, or null for the client's. */
    public Duration timeout() { return timeout; }
    /** Retries after the first attempt, or null for the client's. */
    public Integer maxRetries() { return maxRetries; }
    /** The longest silence while the body is read, or null for the client's. */
    public Duration readTimeout() { return readTimeout; }
    /** The whole call's deadline (every attempt, wait and the body), or null for the client's {@code RetryConfig}. */
    public Duration deadline() { return deadline; }
    /** Headers for this call; they win over the request's and the client's of the same name (names ignore case). */
    public Map<String, String> headers() { return headers; }
    public Map<String, String> queryParams() { return queryParams; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        b.readTimeout = readTimeout;
        b.deadline = deadline;
        b.headers.putAll(headers);
        b.queryParams.putAll(queryParams);
        return b;
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", readTimeout=" + readTimeout
                + ", deadline=" + deadline + ", headers=" + headers.keySet()
                + ", queryParams=" + queryParams + '}';
    }

    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private Duration readTimeout;
        private Duration deadline;
        private final TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, String> queryParams = new LinkedHashMap<>();

        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive("timeout", timeout);
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Checks.atLeast("maxRetries", maxRetries, 0);
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = GroqConfig.positive("readTimeout", readTimeout);
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = GroqConfig.positive("deadline", deadline);
            return this;
        }

        /**
         * A header for this call; names ignore case, a later one replaces an earlier one. Framing and hop-by-hop
         * headers and control characters are refused with a {@link dev.groqj.error.ValidationException}.
         */
        public Builder header(String name, String value) {
            HeaderRules.requireExtra(name, value);
            headers.remove(name);
            headers.put(name, value);
            return this;
        }

        public Builder queryParam(String name, String value) {
            queryParams.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
