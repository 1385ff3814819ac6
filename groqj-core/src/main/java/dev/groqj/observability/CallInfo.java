package dev.groqj.observability;

import dev.groqj.internal.check.Checks;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API call as the resilience layer and listeners see it: what is called, and the per-call limits.
 *
 * <pre>{@code
 * CallInfo call = CallInfo.builder("chat.create", "POST", "/chat/completions")
 *         .model("llama-3.3-70b-versatile").estimatedTokens(1200).maxRetries(1).build();
 * }</pre>
 *
 * <p>Each instance is one call: equality is identity, and {@link #id()} is unique within the JVM, so a
 * listener can key per-call state (a span, a start time) on it. Retries of the call share the instance.
 */
public final class CallInfo {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final String operation;
    private final String method;
    private final String path;
    private final String model;
    private final boolean streaming;
    private final Integer maxRetries;
    private final long estimatedTokens;
    private final Duration deadline;
    private final Object request;

    private CallInfo(Builder b) {
        this.id = IDS.incrementAndGet();
        this.operation = b.operation;
        this.method = b.method;
        this.path = b.path;
        this.model = b.model;
        this.streaming = b.streaming;
        this.maxRetries = b.maxRetries;
        this.estimatedTokens = b.estimatedTokens;
        this.deadline = b.deadline;
        this.request = b.request;
    }

    /**
     * @param operation what the user called, e.g. {@code chat.create}, {@code chat.stream}, {@code models.list}
     * @param method the HTTP method, e.g. {@code POST}
     * @param path the path below the base URL, e.g. {@code /chat/completions}
     */
    public static Builder builder(String operation, String method, String path) {
        return new Builder(operation, method, path);
    }

    /** Unique within the JVM, increasing in creation order. */
    public long id() { return id; }
    public String operation() { return operation; }
    public String method() { return method; }
    public String path() { return path; }
    /** The requested model, or null when the call names none (e.g. {@code models.list}). */
    public String model() { return model; }
    /** Whether the result is a stream: the call then ends when the stream does, not when it opens. */
    public boolean streaming() { return streaming; }
    /** Retries after the first attempt for this call, or null for the client's setting. */
    public Integer maxRetries() { return maxRetries; }
    /** Tokens this call is expected to use (prompt + completion), 0 when unknown; charged to a client budget. */
    public long estimatedTokens() { return estimatedTokens; }
    /** Bound on the whole call (all attempts, waits and backoffs), or null for the client's setting. */
    public Duration deadline() { return deadline; }
    /**
     * The request the user passed (e.g. a {@code ChatRequest}), or null. It may hold prompts: adapters record
     * its content only when the user turned that on.
     */
    public Object request() { return request; }

    /** A builder with this call's values; what it builds is a new call with a new {@link #id()}. */
    public Builder toBuilder() {
        Builder b = new Builder(operation, method, path).model(model).streaming(streaming)
                .estimatedTokens(estimatedTokens);
        b.maxRetries = maxRetries;
        b.deadline = deadline;
        b.request = request;
        return b;
    }

    @Override
    public String toString() {
        return "CallInfo{#" + id + ' ' + operation + ' ' + method + ' ' + path
                + (model == null ? "" : " model=" + model) + (streaming ? " streaming" : "") + '}';
    }

    public static final class Builder {
        private final String operation;
        private final String method;
        private final String path;
        private String model;
        private boolean streaming;
        private Integer maxRetries;
        private long estimatedTokens;
        private Duration deadline;
        private Object request;

        private Builder(String operation, String method, String path) {
            this.operation = Objects.requireNonNull(operation, "operation == null");
            this.method = Objects.requireNonNull(method, "method == null");
            this.path = Objects.requireNonNull(path, "path == null");
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Checks.atLeast("maxRetries", maxRetries, 0);
            return this;
        }

        public Builder estimatedTokens(long estimatedTokens) {
            this.estimatedTokens = Checks.atLeast("estimatedTokens", estimatedTokens, 0);
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = Checks.positive("deadline", deadline);
            return this;
        }

        public Builder request(Object request) {
            this.request = request;
            return this;
        }

        public CallInfo build() {
            return new CallInfo(this);
        }
    }
}
