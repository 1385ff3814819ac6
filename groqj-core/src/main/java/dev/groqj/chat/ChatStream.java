package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.error.ApiException.ErrorDetails;
import dev.groqj.error.GroqException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.ErrorMapper;
import dev.groqj.internal.Json;
import dev.groqj.internal.OpenStream;
import dev.groqj.sse.SseEvent;
import dev.groqj.sse.SseReader;
import dev.groqj.transport.Headers;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed chat completion: iterate it once for chunks as they arrive, or {@link #accumulate()} it into one
 * {@link ChatCompletion}. Ends at {@code [DONE]} or a clean end of the body. An error inside the stream (Groq's
 * {@code event: error}) or a cut connection throws a {@link StreamException} holding the content so far.
 * Closing it early aborts the HTTP exchange.
 *
 * <pre>{@code
 * try (ChatStream stream = client.chat().stream(request)) {
 *     for (ChatCompletionChunk chunk : stream) { ... }
 * }
 * }</pre>
 */
public final class ChatStream implements Iterable<ChatCompletionChunk>, AutoCloseable {
    private static final String DONE = "[DONE]";

    private final OpenStream response;
    private final SseReader reader;
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    private boolean iterated;
    private boolean finished;

    ChatStream(OpenStream response) {
        this.response = response;
        this.reader = new SseReader(response.body());
    }

    /** The response headers (rate limits, {@code x-request-id}). */
    public Headers headers() {
        return response.headers();
    }

    /** {@code x-request-id}, or null. */
    public String requestId() {
        return response.headers().firstOrNull("x-request-id");
    }

    /** Chunks as they arrive. Can be iterated once. */
    @Override
    public Iterator<ChatCompletionChunk> iterator() {
        if (iterated) throw new IllegalStateException("a ChatStream can be iterated once");
        iterated = true;
        return new Iterator<>() {
            private ChatCompletionChunk next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) next = readChunk();
                return next != null;
            }

            @Override
            public ChatCompletionChunk next() {
                if (!hasNext()) throw new NoSuchElementException();
                ChatCompletionChunk chunk = next;
                next = null;
                return chunk;
            }
        };
    }

    /** The chunks as a sequential {@link Stream}; closing it closes this. */
    public Stream<ChatCompletionChunk> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** Reads the rest of the stream and rebuilds one completion: content, reasoning, tool calls, usage. */
    public ChatCompletion accumulate() {
        try (this) {
            for (ChatCompletionChunk ignored : this) {
                // every chunk is folded into the accumulator as it is read
            }
            return accumulator.build();
        }
    }

    @Override
    public void close() {
        finished = true;
        response.close();
    }

    private ChatCompletionChunk readChunk() {
        SseEvent event;
        while (true) {
            try {
                event = reader.next();
            } catch (IOException e) {
                throw fail(cutDetails(e), e);
            }
            if (event == null || DONE.equals(event.data())) {
                response.ended(ChatService.usageOf(accumulator.usage()));
                close();
                return null;
            }
            String data = event.data();
            if ("error".equals(event.event()) || mayBeError(data)) {
                JsonNode error = ErrorMapper.errorNode(data);
                if (error != null || "error".equals(event.event())) throw fail(inStreamDetails(error, data), null);
            }
            if (data.isEmpty()) continue;
            ChatCompletionChunk chunk;
            try {
                chunk = Json.read(data, ChatCompletionChunk.class);
            } catch (GroqException e) {
                throw fail(new ErrorDetails(0, "malformed chunk in the stream: " + e.getMessage(), null, null, null,
                        null, requestId(), data, headers()), e);
            }
            accumulator.add(chunk);
            response.chunkArrived();
            return chunk;
        }
    }

    /** A chunk never starts with an error key; only parse what might be one. */
    private static boolean mayBeError(String data) {
        return data.startsWith("{\"error\"") || (data.contains("\"error\"") && !data.contains("\"choices\""));
    }

    private ErrorDetails inStreamDetails(JsonNode error, String raw) {
        if (error == null) {
            return new ErrorDetails(0, "error event in the stream", null, null, null, null, requestId(), raw, headers());
        }
        JsonNode status = error.get("status_code");
        int code = status != null && status.canConvertToInt() ? status.asInt() : 0;
        return new ErrorDetails(code, ErrorMapper.text(error, "message"), ErrorMapper.text(error, "type"),
                ErrorMapper.text(error, "code"), ErrorMapper.text(error, "param"),
                ErrorMapper.text(error, "failed_generation"), requestId(), raw, headers());
    }

    private ErrorDetails cutDetails(IOException e) {
        return new ErrorDetails(0, "the stream broke off: " + e.getMessage(), null, null, null, null, requestId(), null,
                headers());
    }

    private StreamException fail(ErrorDetails details, Throwable cause) {
        StreamException e = new StreamException(details, accumulator.content(), accumulator.reasoning(), cause);
        response.failed(e);
        close();
        return e;
    }
}
