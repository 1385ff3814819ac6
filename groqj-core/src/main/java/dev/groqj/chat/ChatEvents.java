package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.error.ApiException.ErrorDetails;
import dev.groqj.error.GroqException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.ErrorMapper;
import dev.groqj.internal.Json;
import dev.groqj.internal.StreamCall;
import dev.groqj.sse.SseEvent;

/**
 * What the events of a chat stream mean: chunks, the end ({@code [DONE]}), or an error inside the stream.
 * Shared by the blocking {@link ChatStream} and the async publisher, so both fail and end alike: they fold
 * every chunk into one accumulator, report the first chunk and the outcome to the call, and build a
 * {@link StreamException} with the content so far.
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

    private final StreamCall stream;
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    /** Built once at the end, for the listeners and for {@code accumulate()} alike. */
    private ChatCompletion ended;

    ChatEvents(StreamCall stream) {
        this.stream = stream;
    }

    static boolean isDone(SseEvent event) {
        return DONE.equals(event.data());
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
        return chunk;
    }

    /** The stream ended well: reports it with what the chunks said. */
    void end() {
        ended = accumulator.build();
        stream.ended(ChatService.describe(ended));
    }

    /** The connection broke off mid-stream: the failure, reported, with the content so far. */
    StreamException cut(Throwable cause) {
        return fail(new ErrorDetails(0, "the stream broke off: " + cause.getMessage(), null, null, null, null,
                stream.requestId(), null, stream.headers()), cause);
    }

    /** The completion the chunks so far make. */
    ChatCompletion completion() {
        return ended != null ? ended : accumulator.build();
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
