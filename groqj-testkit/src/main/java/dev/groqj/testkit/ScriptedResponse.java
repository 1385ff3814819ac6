package dev.groqj.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer {@link FakeGroqServer} gives instead of its own, once, or its own answer with a fault injected.
 *
 * <pre>{@code
 * server.enqueue(Endpoint.CHAT_COMPLETIONS,
 *         ScriptedResponse.rateLimited(Duration.ofSeconds(2)),   // first call: 429, retry-after: 2
 *         ScriptedResponse.status(503));                         // second call: 503
 * // the third call gets the fake model's normal answer
 * server.enqueue(Endpoint.CHAT_COMPLETIONS,
 *         ScriptedResponse.modelAnswer().toBuilder().disconnectAfterBytes(300).build());
 * }</pre>
 *
 * <p>A scripted body is sent exactly as given. The server adds {@code x-request-id} and the
 * {@code x-ratelimit-*} headers unless the script sets them. A script with {@link Builder#hang()} or a delay
 * waits at most until the server closes, so a test never hangs past {@link FakeGroqServer#close()}.
 */
public final class ScriptedResponse {
    private final boolean modelAnswer;
    private final int status;
    private final Map<String, String> headers;
    private final List<byte[]> chunks;
    private final boolean chunked;
    private final Duration headersDelay;
    private final Duration chunkDelay;
    private final long disconnectAfterBytes;
    private final boolean hang;

    private ScriptedResponse(Builder b) {
        this.modelAnswer = b.modelAnswer;
        this.status = b.status;
        this.headers = Map.copyOf(b.headers);
        this.chunks = List.copyOf(b.chunks);
        this.chunked = b.chunked;
        this.headersDelay = b.headersDelay;
        this.chunkDelay = b.chunkDelay;
        this.disconnectAfterBytes = b.disconnectAfterBytes;
        this.hang = b.hang;
    }

    /**
     * A builder for an exact answer: set a status, headers and a body (by default the model's answer).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fake model's own answer; derive faults from it with {@link #toBuilder()}.
     *
     * @return the model's answer
     */
    public static ScriptedResponse modelAnswer() {
        return new Builder().build();
    }

    /**
     * A JSON body with {@code status}, sent as is.
     *
     * @param status the HTTP status
     * @param json the body, JSON text
     * @return the answer
     */
    public static ScriptedResponse json(int status, String json) {
        return new Builder().status(status).header("content-type", "application/json").body(json).build();
    }

    /**
     * Groq's error body for {@code status}, with the type and code Groq uses for it.
     *
     * @param status the HTTP status
     * @return the answer
     */
    public static ScriptedResponse status(int status) {
        GroqErrors.Kind kind = GroqErrors.kindFor(status);
        return error(status, kind.type(), kind.code(), kind.message());
    }

    /**
     * Groq's error body {@code {"error":{"message","type","code"}}} with {@code status}.
     *
     * @param status the HTTP status
     * @param type the error's {@code type}
     * @param code the error's {@code code}
     * @param message the error's {@code message}
     * @return the answer
     */
    public static ScriptedResponse error(int status, String type, String code, String message) {
        return json(status, GroqErrors.body(message, type, code, null));
    }

    /**
     * A 429 with {@code retry-after} in whole seconds (rounded up) and Groq's {@code rate_limit_exceeded} body.
     *
     * @param retryAfter how long the client is told to wait
     * @return the answer
     */
    public static ScriptedResponse rateLimited(Duration retryAfter) {
        long seconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
        return json(429, GroqErrors.body("Rate limit reached. Please try again in " + GoDuration.format(retryAfter)
                        + ".", "requests", "rate_limit_exceeded", null))
                .toBuilder().header("retry-after", Long.toString(seconds)).build();
    }

    /**
     * A 200 whose body is cut-off JSON, as a broken proxy might send.
     *
     * @return the answer
     */
    public static ScriptedResponse malformedJson() {
        return new Builder().header("content-type", "application/json")
                .body("{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,")
                .build();
    }

    /**
     * A 200 server-sent-event stream of {@code events}, each written and flushed on its own followed by a blank
     * line: pass {@code "data: {...}"} and {@code "data: [DONE]"} yourself.
     *
     * @param events the events' text, without the blank line that ends each
     * @return the answer
     */
    public static ScriptedResponse sse(List<String> events) {
        Builder b = new Builder().header("content-type", "text/event-stream").header("cache-control", "no-cache")
                .chunked(true);
        events.forEach(e -> b.chunk(e + "\n\n"));
        return b.build();
    }

    /**
     * A 200 stream that starts answering, then fails the way Groq does: {@code event: error} with the error
     * JSON (carrying {@code status_code}) and no {@code [DONE]}.
     *
     * @param statusCode the error's {@code status_code}
     * @param type the error's {@code type}
     * @param code the error's {@code code}
     * @param message the error's {@code message}
     * @return the answer
     */
    public static ScriptedResponse streamError(int statusCode, String type, String code, String message) {
        ObjectNode error = (ObjectNode) Json.tree(GroqErrors.body(message, type, code, null));
        ((ObjectNode) error.get("error")).put("status_code", statusCode);
        String chunk = "{\"id\":\"chatcmpl-fake-error\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"llama-3.3-70b-versatile\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":\"Partial\"},\"logprobs\":null,\"finish_reason\":null}]}";
        return sse(List.of("data: " + chunk, "event: error\ndata: " + Json.writeString(error)));
    }

    /**
     * A builder that starts from this answer, to change it or inject a fault.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    boolean isModelAnswer() {
        return modelAnswer;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    List<byte[]> chunks() {
        return chunks;
    }

    boolean chunked() {
        return chunked;
    }

    Duration headersDelay() {
        return headersDelay;
    }

    Duration chunkDelay() {
        return chunkDelay;
    }

    long disconnectAfterBytes() {
        return disconnectAfterBytes;
    }

    boolean hang() {
        return hang;
    }

    @Override
    public String toString() {
        return modelAnswer ? "ScriptedResponse{modelAnswer}" : "ScriptedResponse{status=" + status + "}";
    }

    /** Builds a {@link ScriptedResponse}; setting a status or body turns off the model's answer. */
    public static final class Builder {
        private boolean modelAnswer = true;
        private int status = 200;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<byte[]> chunks = new ArrayList<>();
        private boolean chunked;
        private Duration headersDelay = Duration.ZERO;
        private Duration chunkDelay = Duration.ZERO;
        private long disconnectAfterBytes = -1;
        private boolean hang;

        private Builder() {
        }

        private Builder(ScriptedResponse r) {
            modelAnswer = r.modelAnswer;
            status = r.status;
            headers.putAll(r.headers);
            chunks.addAll(r.chunks);
            chunked = r.chunked;
            headersDelay = r.headersDelay;
            chunkDelay = r.chunkDelay;
            disconnectAfterBytes = r.disconnectAfterBytes;
            hang = r.hang;
        }

        /**
         * The HTTP status; setting it replaces the model's answer with this exact one.
         *
         * @param status a status from 100 to 599
         * @return this builder
         */
        public Builder status(int status) {
            if (status < 100 || status > 599) throw new IllegalArgumentException("status out of range: " + status);
            this.status = status;
            this.modelAnswer = false;
            return this;
        }

        /**
         * Sets header {@code name} (lower-cased), replacing the server's own value if it has one.
         *
         * @param name the header's name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name == null").toLowerCase(java.util.Locale.ROOT),
                    Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /**
         * The whole body, replacing any chunks.
         *
         * @param body the body, sent as UTF-8
         * @return this builder
         */
        public Builder body(String body) {
            return body(body.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The whole body, replacing any chunks.
         *
         * @param body the body's bytes (copied)
         * @return this builder
         */
        public Builder body(byte[] body) {
            chunks.clear();
            chunks.add(body.clone());
            modelAnswer = false;
            return this;
        }

        /**
         * Appends a piece of body that is written and flushed on its own (with {@link #chunked(boolean)}).
         *
         * @param piece the piece, sent as UTF-8
         * @return this builder
         */
        public Builder chunk(String piece) {
            chunks.add(piece.getBytes(StandardCharsets.UTF_8));
            modelAnswer = false;
            return this;
        }

        /**
         * Sends the body with chunked transfer-encoding instead of a Content-Length.
         *
         * @param chunked true for chunked transfer-encoding
         * @return this builder
         */
        public Builder chunked(boolean chunked) {
            this.chunked = chunked;
            return this;
        }

        /**
         * Waits this long before sending the status line and headers.
         *
         * @param delay the wait, not negative
         * @return this builder
         */
        public Builder headersDelay(Duration delay) {
            this.headersDelay = requireNonNegative(delay, "delay");
            return this;
        }

        /**
         * Waits this long between body chunks (a streamed model answer sends one token per chunk).
         *
         * @param delay the wait, not negative
         * @return this builder
         */
        public Builder chunkDelay(Duration delay) {
            this.chunkDelay = requireNonNegative(delay, "delay");
            return this;
        }

        /**
         * Sends the headers and the first {@code bytes} bytes of the body, then drops the connection.
         *
         * @param bytes how many body bytes to send, not negative
         * @return this builder
         */
        public Builder disconnectAfterBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("bytes < 0: " + bytes);
            this.disconnectAfterBytes = bytes;
            return this;
        }

        /**
         * Never answers: holds the request until the server closes (or its hold limit passes).
         *
         * @return this builder
         */
        public Builder hang() {
            this.hang = true;
            return this;
        }

        /** @return the answer */
        public ScriptedResponse build() {
            return new ScriptedResponse(this);
        }

        private static Duration requireNonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative()) throw new IllegalArgumentException(name + " < 0: " + d);
            return d;
        }
    }
}
