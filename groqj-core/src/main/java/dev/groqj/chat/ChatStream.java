package dev.groqj.chat;

import dev.groqj.error.StreamException;
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
    private final OpenStream response;
    private final SseReader reader;
    private final ChatEvents events;
    private boolean iterated;
    private boolean finished;

    ChatStream(OpenStream response) {
        this.response = response;
        this.reader = new SseReader(response.body());
        this.events = new ChatEvents(response);
    }

    /** The response headers (rate limits, {@code x-request-id}). */
    public Headers headers() {
        return response.headers();
    }

    /** {@code x-request-id}, or null. */
    public String requestId() {
        return response.requestId();
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
            return events.completion();
        }
    }

    @Override
    public void close() {
        finished = true;
        response.close();
    }

    private ChatCompletionChunk readChunk() {
        while (true) {
            SseEvent event;
            try {
                event = reader.next();
            } catch (IOException e) {
                close();
                throw events.cut(e);
            }
            if (event == null || ChatEvents.isDone(event)) {
                events.end();
                close();
                return null;
            }
            ChatCompletionChunk chunk;
            try {
                chunk = events.decode(event);
            } catch (StreamException e) {
                close();
                throw e;
            }
            if (chunk != null) return chunk;
        }
    }
}
