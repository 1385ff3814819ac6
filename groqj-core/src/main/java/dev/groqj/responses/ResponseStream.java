package dev.groqj.responses;

import dev.groqj.EventStream;
import dev.groqj.error.GroqException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.BlockingEventStream;
import dev.groqj.internal.OpenStream;
import dev.groqj.transport.Headers;

import java.util.Iterator;

/**
 * A streamed response: an {@link EventStream} of {@link ResponseEvent}s, iterated once as they arrive, or
 * {@link #accumulate()}d into one {@link Response}. A failure throws a {@link StreamException} holding the text
 * so far, after every event that arrived before it: an {@code error} event, a {@code response.failed} event (thrown
 * after it is delivered), a cut connection, a timeout, or an answer that is not an event stream. Closing it early
 * aborts the HTTP exchange.
 *
 * <pre>{@code
 * try (ResponseStream events = client.responses().stream(request)) {
 *     for (ResponseEvent event : events) {
 *         if (event instanceof ResponseEvent.OutputTextDelta d) System.out.print(d.delta());
 *     }
 * }
 * Response whole = client.responses().stream(request).accumulate();
 * }</pre>
 */
public final class ResponseStream implements EventStream<ResponseEvent> {
    private final ResponseEvents state = new ResponseEvents();
    private final EventStream<ResponseEvent> events;
    private Iterator<ResponseEvent> iterator;
    private StreamException failure;

    ResponseStream(OpenStream response) {
        this.events = new BlockingEventStream<>(response, state);
    }

    @Override
    public Headers headers() {
        return events.headers();
    }

    /** Events as they arrive. Can be iterated once. */
    @Override
    public Iterator<ResponseEvent> iterator() {
        Iterator<ResponseEvent> source = events.iterator();
        iterator = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return source.hasNext();
                } catch (StreamException e) {
                    failure = e;
                    throw e;
                }
            }

            @Override
            public ResponseEvent next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return source.next();
            }
        };
        return iterator;
    }

    /**
     * Reads the rest of the stream, if any, and returns the whole response (Groq's {@code response.completed} or
     * {@code response.incomplete}). It may follow an iteration, whole or in part: the events already read count.
     *
     * @throws StreamException as iterating would, or the failure an earlier iteration met
     * @throws GroqException   when the stream ended before Groq sent the response
     */
    public Response accumulate() {
        try (this) {
            if (failure != null) throw failure;
            Iterator<ResponseEvent> rest = iterator != null ? iterator : iterator();
            while (rest.hasNext()) rest.next();
            Response response = state.response();
            if (response == null) throw new GroqException("the stream ended before Groq sent the response");
            return response;
        }
    }

    @Override
    public void close() {
        events.close();
    }
}
