package dev.groqj.internal.sse;

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
    private final SseParser parser;
    private boolean ended;
    /** A failure held back until the events completed before it were returned; thrown from then on. */
    private Exception failure;

    /** A reader with the parser's default caps. */
    public SseReader(InputStream in) {
        this(in, SseParser.DEFAULT_MAX_LINE_BYTES, SseParser.DEFAULT_MAX_EVENT_BYTES);
    }

    /** A reader whose lines and events are capped at these sizes, in bytes, as {@link SseParser} says. */
    public SseReader(InputStream in, int maxLineBytes, int maxEventBytes) {
        this.in = Objects.requireNonNull(in, "in == null");
        this.parser = new SseParser(ready::add, maxLineBytes, maxEventBytes);
    }

    /**
     * Blocks until the next event is complete and returns it, or returns null at the end of the stream.
     *
     * @throws IOException what reading threw
     * @throws RuntimeException what reading threw, or {@link dev.groqj.error.ResponseTooLargeException} past a cap
     */
    public SseEvent next() throws IOException {
        while (ready.isEmpty() && !ended && failure == null) {
            try {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    ended = true;
                    parser.finish();
                } else {
                    parser.feed(chunk, 0, n);
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }
        SseEvent next = ready.poll();
        if (next != null || failure == null) return next;
        if (failure instanceof IOException) throw (IOException) failure;
        throw (RuntimeException) failure;
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
