package dev.groqj.sse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Reads server-sent events one at a time from a blocking {@link InputStream}.
 *
 * <pre>{@code
 * try (SseReader reader = new SseReader(response.body())) {
 *     for (SseEvent e; (e = reader.next()) != null; ) {
 *         if (e.data().equals("[DONE]")) break;
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>An event is returned as soon as the bytes that complete it arrive: each {@code read} that returns, however
 * few bytes, is parsed at once, so a slow stream is never held back to fill a buffer. Parsing follows
 * {@link SseParser}, including its delivery of a last event that the stream ends without a blank line after.
 * Not thread safe.
 */
public final class SseReader implements AutoCloseable {
    private static final int CHUNK_SIZE = 8192;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK_SIZE];
    private final ArrayDeque<SseEvent> ready = new ArrayDeque<>();
    private final SseParser parser = new SseParser(ready::add);
    private boolean ended;

    public SseReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in == null");
    }

    /** Blocks until the next event is complete and returns it, or returns null at the end of the stream. */
    public SseEvent next() throws IOException {
        while (ready.isEmpty() && !ended) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                ended = true;
                parser.finish();
            } else {
                parser.feed(chunk, 0, n);
            }
        }
        return ready.poll();
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
