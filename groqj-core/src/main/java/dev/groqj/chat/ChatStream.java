package dev.groqj.chat;

import dev.groqj.EventStream;
import dev.groqj.error.StreamException;
import dev.groqj.internal.BlockingEventStream;
import dev.groqj.internal.OpenStream;
import dev.groqj.transport.Headers;

import java.util.Iterator;

/**
 * A streamed chat completion: an {@link EventStream} of chunks, iterated once as they arrive, or
 * {@link #accumulate()}d into one {@link ChatCompletion}. Ends at {@code [DONE]} or a clean end of the body. A
 * failure throws a {@link StreamException} holding the content so far, after every chunk that arrived before it:
 * an error inside the stream (Groq's {@code event: error}, or a chunk whose {@code x_groq.error} says Groq stopped
 * the stream, thrown after that chunk), a cut connection, a timeout, a line or event past the caps, or a 2xx
 * answer that is not {@code text/event-stream}. The exchange is then closed. Closing it early aborts the HTTP
 * exchange.
 *
 * <pre>{@code
 * try (ChatStream stream = client.chat().stream(request)) {
 *     for (ChatCompletionChunk chunk : stream) { ... }
 *     ChatCompletion whole = stream.accumulate();   // the chunks above, folded into one completion
 * }
 * }</pre>
 *
 * <p>{@link #accumulate()} works before, during or after iterating: it reads whatever is left and returns the
 * completion of every chunk. Only a stream closed before its end has no completion to give: it then throws an
 * {@link IllegalStateException} saying so.
 */
public final class ChatStream implements EventStream<ChatCompletionChunk> {
    private final ChatEvents chunks = new ChatEvents();
    private final EventStream<ChatCompletionChunk> events;
    private Iterator<ChatCompletionChunk> iterator;
    /** The events ran out by themselves ({@code [DONE]} or the body's end), not by {@link #close()}. */
    private boolean ended;
    private boolean closed;

    ChatStream(OpenStream response) {
        this.events = new BlockingEventStream<>(response, chunks);
    }

    @Override
    public Headers headers() {
        return events.headers();
    }

    /**
     * Chunks as they arrive. Can be iterated once; {@link #accumulate()} still gives the completion after.
     *
     * @throws IllegalStateException when called a second time
     */
    @Override
    public Iterator<ChatCompletionChunk> iterator() {
        if (iterator != null) {
            throw new IllegalStateException("a stream can be iterated once; accumulate() gives its completion");
        }
        Iterator<ChatCompletionChunk> chunks = events.iterator();
        iterator = new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = chunks.hasNext();
                if (!more && !closed) ended = true;
                return more;
            }

            @Override
            public ChatCompletionChunk next() {
                return chunks.next();
            }
        };
        return iterator;
    }

    /**
     * Reads the rest of the stream (all of it, if nothing was read yet) and rebuilds one completion from every
     * chunk, those already iterated included: content, reasoning, tool calls, usage. Closes the stream.
     *
     * @throws IllegalStateException if the stream was closed before its end: its completion would be partial
     * @throws StreamException if the stream fails while the rest is read
     */
    public ChatCompletion accumulate() {
        try (this) {
            if (closed && !ended) {
                throw new IllegalStateException("the stream was closed before its end, after " + chunks.chunkCount()
                        + " chunk(s): there is no whole completion to accumulate");
            }
            Iterator<ChatCompletionChunk> rest = iterator != null ? iterator : iterator();
            while (rest.hasNext()) rest.next(); // every chunk is folded into the accumulator as it is read
            return chunks.completion();
        }
    }

    @Override
    public void close() {
        closed = true;
        events.close();
    }
}
