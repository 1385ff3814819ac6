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
 * {@link ChatCompletion}. Ends at {@code [DONE]} or a clean end of the body. A failure throws a
 * {@link StreamException} holding the content so far, after every chunk that arrived before it: an error inside
 * the stream (Groq's {@code event: error}, or a chunk whose {@code x_groq.error} says Groq stopped the stream,
 * thrown after that chunk), a cut connection, a timeout, a line or event past the caps, or a 2xx answer that is
 * not {@code text/event-stream}. The exchange is then closed. Closing it early aborts the HTTP exchange.
 *
 * <pre>{@code
 * try (ChatStream stream = client.chat().stream(request)) {
 *     for (ChatCompletionChunk chunk : stream) { ... }
 * }
 * }</pre>
 */
public final class ChatStream implements Iterable<ChatCompletionChunk>, AutoCloseable {
    private final OpenStream response;
    /** Null when the answer is not an event stream: the first read then fails with its error. */
    private final SseReader reader;
    private final ChatEvents events;
    private boolean iterated;
    private boolean finished;

    ChatStream(OpenStream response) {
        this.response = response;
        this.reader = ChatEvents.isEventStream(response.headers()) ? new SseReader(response.body()) : null;
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
        try {
            if (reader == null) throw notAnEventStream();
            if (events.stopped() != null) throw events.stopped();
            while (true) {
                SseEvent event = reader.next();
                if (event == null || ChatEvents.isDone(event)) {
                    events.end();
                    close();
                    return null;
                }
                ChatCompletionChunk chunk = events.decode(event);
                if (chunk != null) return chunk;
            }
        } catch (IOException | RuntimeException e) {
            StreamException failure = events.failed(e); // reported before close(), which would count as an end
            close();
            throw failure;
        }
    }

    private StreamException notAnEventStream() throws IOException {
        return events.notAnEventStream(response.statusCode(),
                response.body().readNBytes(ChatEvents.MAX_ERROR_BODY_BYTES));
    }
}
