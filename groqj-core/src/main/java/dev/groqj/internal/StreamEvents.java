package dev.groqj.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.error.ApiException.ErrorDetails;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ResponseTooLargeException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.sse.SseEvent;
import dev.groqj.transport.Headers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What every stream's events mean, whatever the API: items (the decoder's), the end ({@code [DONE]}), or an error
 * inside the stream ({@code event: error}, an error object, an item that says the server stopped). Shared by the
 * blocking {@link BlockingEventStream} and the async {@link EventPublisher}, so both fail and end alike: they
 * report the first item and the outcome to the call, and turn every failure (also a cut, a timeout, a cap passed,
 * a body that is not an event stream) into a {@link StreamException} with the content so far, reported as the
 * call's failure before the reader closes the exchange.
 *
 * <pre>{@code
 * if (StreamEvents.isDone(event)) events.end();
 * else { E item = events.decode(event); if (item != null) deliver(item); }
 * }</pre>
 *
 * <p>Not thread safe: one stream, read in order.
 */
final class StreamEvents<E> {
    private static final String DONE = "[DONE]";
    private static final String EVENT_STREAM = "text/event-stream";
    /** How much of a body that is not an event stream is read for its error message. */
    static final int MAX_ERROR_BODY_BYTES = 1 << 20;

    private final StreamCall stream;
    private final EventDecoder<E> decoder;
    /** Set by an item that says the server stopped the stream; the reader throws it once that item was delivered. */
    private StreamException stopped;

    StreamEvents(StreamCall stream, EventDecoder<E> decoder) {
        this.stream = stream;
        this.decoder = decoder;
    }

    static boolean isDone(SseEvent event) {
        return event.dataEquals(DONE);
    }

    /** Whether the answer's {@code Content-Type} is {@code text/event-stream} (parameters aside). */
    static boolean isEventStream(Headers headers) {
        String type = headers.firstOrNull("content-type");
        if (type == null) return false;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().equalsIgnoreCase(EVENT_STREAM);
    }

    /**
     * The item {@code event} carries, or null for an event without one.
     *
     * @throws StreamException for an error event or a malformed item (already reported as the call's failure)
     */
    E decode(SseEvent event) {
        if ("error".equals(event.event()) || decoder.mayBeError(event)) {
            String data = event.data();
            JsonNode error = ErrorMapper.errorNode(data);
            if (error != null || "error".equals(event.event())) throw fail(inStreamDetails(error, data), null);
        }
        if (event.isEmpty()) return null;
        E item;
        try {
            item = decoder.decode(event);
        } catch (RuntimeException e) {
            throw fail(details("malformed event in the stream: " + e.getMessage(), event.data()), e);
        }
        if (item == null) return null;
        stream.chunkArrived();
        String stop = decoder.stopReason(item);
        if (stop != null) stopped = fail(details("Groq stopped the stream: " + stop, event.data()), null);
        return item;
    }

    /** The failure the last item announced, to throw after delivering it; else null. */
    StreamException stopped() {
        return stopped;
    }

    /** The stream ended well: reports it with what the items said. */
    void end() {
        stream.ended(decoder.ended());
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
        return fail(details(what + cause.getMessage(), null), cause);
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

    private static GroqException typed(Throwable failure) {
        if (failure instanceof GroqException) return (GroqException) failure;
        Throwable t = failure instanceof UncheckedIOException ? failure.getCause() : failure;
        if (t instanceof IOException) return new NetworkException(t.toString(), t);
        return new GroqException("reading the stream failed: " + t, t);
    }

    private ErrorDetails details(String message, String raw) {
        return new ErrorDetails(0, message, null, null, null, null, stream.requestId(), raw, stream.headers());
    }

    private ErrorDetails inStreamDetails(JsonNode error, String raw) {
        if (error == null) return details("error event in the stream", raw);
        JsonNode status = error.get("status_code");
        int code = status != null && status.canConvertToInt() ? status.asInt() : 0;
        return ErrorMapper.fromError(code, error, stream.requestId(), raw, stream.headers());
    }

    private StreamException fail(ErrorDetails details, Throwable cause) {
        StreamException e = new StreamException(details, decoder.content(), decoder.reasoning(), cause);
        stream.failed(e);
        return e;
    }
}
