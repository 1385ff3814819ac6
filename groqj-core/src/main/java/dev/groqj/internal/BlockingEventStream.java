package dev.groqj.internal;

import dev.groqj.EventStream;
import dev.groqj.error.StreamException;
import dev.groqj.internal.sse.SseEvent;
import dev.groqj.internal.sse.SseReader;
import dev.groqj.transport.Headers;

import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An {@link EventStream} read on the caller's thread, its items made by an {@link EventDecoder}: the one
 * blocking implementation, behind {@code ChatStream} and every other streamed API. Not API.
 */
public final class BlockingEventStream<E> implements EventStream<E> {
    private final OpenStream response;
    /** Null when the answer is not an event stream: the first read then fails with its error. */
    private final SseReader reader;
    private final StreamEvents<E> events;
    private boolean iterated;
    private boolean finished;

    public BlockingEventStream(OpenStream response, EventDecoder<E> decoder) {
        this.response = response;
        this.reader = StreamEvents.isEventStream(response.headers()) ? new SseReader(response.body()) : null;
        this.events = new StreamEvents<>(response, decoder);
    }

    @Override
    public Headers headers() {
        return response.headers();
    }

    @Override
    public Iterator<E> iterator() {
        if (iterated) throw new IllegalStateException("a stream can be iterated once");
        iterated = true;
        return new Iterator<>() {
            private E next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) next = read();
                return next != null;
            }

            @Override
            public E next() {
                if (!hasNext()) throw new NoSuchElementException();
                E item = next;
                next = null;
                return item;
            }
        };
    }

    @Override
    public void close() {
        finished = true;
        response.close();
    }

    private E read() {
        try {
            if (reader == null) throw notAnEventStream();
            if (events.stopped() != null) throw events.stopped();
            while (true) {
                SseEvent event = reader.next();
                if (event == null || StreamEvents.isDone(event)) {
                    events.end();
                    close();
                    return null;
                }
                E item = events.decode(event);
                if (item != null) return item;
            }
        } catch (IOException | RuntimeException e) {
            StreamException failure = events.failed(e); // reported before close(), which would count as an end
            close();
            throw failure;
        }
    }

    private StreamException notAnEventStream() throws IOException {
        return events.notAnEventStream(response.statusCode(),
                response.body().readNBytes(StreamEvents.MAX_ERROR_BODY_BYTES));
    }
}
