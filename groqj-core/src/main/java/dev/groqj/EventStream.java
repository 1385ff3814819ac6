package dev.groqj;

import dev.groqj.transport.Headers;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed answer read as typed events as they arrive: iterate it once, or take its {@link #stream()}, and
 * close it (try-with-resources) when you stop early, which aborts the HTTP exchange.
 *
 * <pre>{@code
 * try (EventStream<JsonValue> events = client.raw().stream("/chat/completions", body)) {
 *     for (JsonValue event : events) { ... }
 * }
 * }</pre>
 *
 * <p>It ends at {@code [DONE]} or a clean end of the body. A failure throws a
 * {@link dev.groqj.error.StreamException} holding the content so far, after every event that arrived before it:
 * an error inside the stream ({@code event: error}), a cut connection, a timeout, a line or event past the caps,
 * or a 2xx answer that is not {@code text/event-stream}. The exchange is then closed. Nothing is sent again once
 * the stream opened.
 *
 * <p>The async form of a stream ({@code client.async()}) is a {@link java.util.concurrent.Flow.Publisher} of
 * the same events, ending and failing alike. An EventStream is read from one thread at a time.
 *
 * @param <E> the type of the events
 */
public interface EventStream<E> extends Iterable<E>, AutoCloseable {
    /** The response headers (rate limits, {@code x-request-id}). */
    Headers headers();

    /** {@code x-request-id}, or null. */
    default String requestId() {
        return headers().firstOrNull("x-request-id");
    }

    /**
     * The events as they arrive; blocks for each. Can be iterated once.
     *
     * @throws IllegalStateException when called a second time
     */
    @Override
    Iterator<E> iterator();

    /** The events as a sequential {@link Stream}; closing it closes this. */
    default Stream<E> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** Aborts the exchange if it is still open; calling it again does nothing. */
    @Override
    void close();
}
