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
 * }
 * }</pre>
 */
public final class ChatStream implements EventStream<ChatCompletionChunk> {
    private final ChatEvents chunks = new ChatEvents();
    private final EventStream<ChatCompletionChunk> events;

    ChatStream(OpenStream response) {
        this.events = new BlockingEventStream<>(response, chunks);
    }

    @Override
    public Headers headers() {
        return events.headers();
    }

    /** Chunks as they arrive. Can be iterated once. */
    @Override
    public Iterator<ChatCompletionChunk> iterator() {
        return events.iterator();
    }

    /** Reads the rest of the stream and rebuilds one completion: content, reasoning, tool calls, usage. */
    public ChatCompletion accumulate() {
        try (this) {
            for (ChatCompletionChunk ignored : this) {
                // every chunk is folded into the accumulator as it is read
            }
            return chunks.completion();
        }
    }

    @Override
    public void close() {
        events.close();
    }
}
