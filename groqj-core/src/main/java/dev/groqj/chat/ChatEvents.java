package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.XGroq;
import dev.groqj.error.ApiException.ErrorDetails;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ResponseTooLargeException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.ErrorMapper;
import dev.groqj.internal.Json;
import dev.groqj.internal.StreamCall;
import dev.groqj.sse.SseEvent;
import dev.groqj.transport.Headers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the events of a chat stream mean: chunks, the end ({@code [DONE]}), or an error inside the stream
 * ({@code event: error}, a chunk whose {@code x_groq.error} says Groq stopped it). Shared by the blocking
 * {@link ChatStream} and the async publisher, so both fail and end alike: they fold every chunk into one
 * accumulator, report the first chunk and the outcome to the call, and turn every failure (also a cut, a timeout,
 * a cap passed, a body that is not an event stream) into a {@link StreamException} with the content so far,
 * reported as the call's failure before the reader closes the exchange.
 *
 * <pre>{@code
 * if (ChatEvents.isDone(event)) events.end();
 * else { ChatCompletionChunk chunk = events.decode(event); if (chunk != null) deliver(chunk); }
 * }</pre>
 *
 * <p>Not thread safe: one stream, read in order.
 */
final class ChatEvents {
    private static final String DONE = "[DONE]";
    private static final String EVENT_STREAM = "text/event-stream";
    /** How much of a body that is not an event stream is read for its error message. */
    static final int MAX_ERROR_BODY_BYTES = 1 << 20;

    private final StreamCall stream;
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    /** Built once at the end, for the listeners and for {@code accumulate()} alike. */
    private ChatCompletion ended;
    /** Set by a chunk that says Groq stopped the stream; the reader throws it once that chunk was delivered. */
    private StreamException stopped;

    ChatEvents(StreamCall stream) {
        this.stream = stream;
    }

    static boolean isDone(SseEvent event) {
        return DONE.equals(event.data());
    }

    /** Whether the answer's {@code Content-Type} is {@code text/event-stream} (parameters aside). */
    static boolean isEventStream(Headers headers) {
        String type = headers.firstOrNull("content-type");
        if (type == null) return false;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().equalsIgnoreCase(EVENT_STREAM);
    }

    /**
     * The chunk {@code event} carries, or null for an event without one.
     *
     * @throws StreamException for an error event or a malformed chunk (already reported as the call's failure)
     */
    ChatCompletionChunk decode(SseEvent event) {
        String data = event.data();
        if ("error".equals(event.event()) || mayBeError(data)) {
            JsonNode error = ErrorMapper.errorNode(data);
            if (error != null || "error".equals(event.event())) throw fail(inStreamDetails(error, data), null);
        }
        if (data.isEmpty()) return null;
        ChatCompletionChunk chunk;
        try {
            chunk = Json.read(data, ChatCompletionChunk.class);
        } catch (GroqException e) {
            throw fail(new ErrorDetails(0, "malformed chunk in the stream: " + e.getMessage(), null, null, null,
                    null, stream.requestId(), data, stream.headers()), e);
        }
        accumulator.add(chunk);
        stream.chunkArrived();
        XGroq x = chunk.xGroq();
        if (x != null && x.error() != null) {
            stopped = fail(new ErrorDetails(0, "Groq stopped the stream: " + x.error(), null, null, null, null,
                    stream.requestId(), data, stream.headers()), null);
        }
        return chunk;
    }

    /** The failure the last chunk announced ({@code x_groq.error}), to throw after delivering it; else null. */
    StreamException stopped() {
        return stopped;
    }

    /** The stream ended well: reports it with what the chunks said. */
    void end() {
        ended = accumulator.build();
        stream.ended(ChatService.describe(ended));
    }

    /**
     * Reading the stream failed: the failure, reported, with the content so far. A {@link StreamException} is
     * already one; any other is its cause, typed: a {@link GroqException} (timeout, cut, cap passed) as it is, an
     * {@link IOException} as a {@link NetworkException}.
     */
    StreamException failed(Throwable failure) {
        if (failure instanceof StreamException) return (StreamException) failure;
        GroqException cause = typed(failure);
        String what = cause instanceof GroqTimeoutException ? "the stream timed out: "
                : cause instanceof ResponseTooLargeException ? "the stream was too large: "
                : "the stream broke off: ";
        return fail(new ErrorDetails(0, what + cause.getMessage(), null, null, null, null, stream.requestId(), null,
                stream.headers()), cause);
    }

    /**
     * A 2xx answer to a stream request that is not an event stream (a JSON error object, say): the failure,
     * reported, with the body's error message when it has one. {@code body} is at most its first bytes.
     */
    StreamException notAnEventStream(int status, byte[] body) {
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode error = ErrorMapper.errorNode(raw);
        String message = error == null ? null : ErrorMapper.text(error, "message");
        String type = stream.headers().firstOrNull("content-type");
        return fail(new ErrorDetails(status, "expected text/event-stream but got "
                + (type == null ? "no Content-Type" : type)
                + (message == null ? "" : ": " + message),
                error == null ? null : ErrorMapper.text(error, "type"),
                error == null ? null : ErrorMapper.text(error, "code"), null, null, stream.requestId(), raw,
                stream.headers()), null);
    }

    /** The completion the chunks so far make. */
    ChatCompletion completion() {
        return ended != null ? ended : accumulator.build();
    }

    private static GroqException typed(Throwable failure) {
        if (failure instanceof GroqException) return (GroqException) failure;
        Throwable t = failure instanceof UncheckedIOException ? failure.getCause() : failure;
        if (t instanceof IOException) return new NetworkException(t.toString(), t);
        return new GroqException("reading the stream failed: " + t, t);
    }

    /** A chunk never starts with an error key; only parse what might be one. */
    private static boolean mayBeError(String data) {
        return data.startsWith("{\"error\"") || (data.contains("\"error\"") && !data.contains("\"choices\""));
    }

    private ErrorDetails inStreamDetails(JsonNode error, String raw) {
        if (error == null) {
            return new ErrorDetails(0, "error event in the stream", null, null, null, null, stream.requestId(), raw,
                    stream.headers());
        }
        JsonNode status = error.get("status_code");
        int code = status != null && status.canConvertToInt() ? status.asInt() : 0;
        return new ErrorDetails(code, ErrorMapper.text(error, "message"), ErrorMapper.text(error, "type"),
                ErrorMapper.text(error, "code"), ErrorMapper.text(error, "param"),
                ErrorMapper.text(error, "failed_generation"), stream.requestId(), raw, stream.headers());
    }

    private StreamException fail(ErrorDetails details, Throwable cause) {
        StreamException e = new StreamException(details, accumulator.content(), accumulator.reasoning(), cause);
        stream.failed(e);
        return e;
    }
}
