package dev.groqj.internal;

import dev.groqj.observability.ResponseInfo;
import dev.groqj.internal.sse.SseEvent;

/**
 * What the events of one API's stream mean: the only part a streamed API supplies; the reading, the end, the
 * errors and the reporting are {@link BlockingEventStream}'s and {@link EventPublisher}'s, the same for all.
 * One decoder per stream, fed in order from one thread at a time. Not API.
 *
 * <pre>{@code
 * EventDecoder<JsonValue> raw = event -> event.isEmpty() ? null : Json.read(event.utf8(), JsonValue.class);
 * }</pre>
 *
 * @param <E> the type of the events the stream delivers
 */
@FunctionalInterface
public interface EventDecoder<E> {
    /**
     * The item {@code event} carries, or null for an event without one; called for every event but {@code [DONE]}
     * and errors. Keeps what it needs for {@link #ended()} and the partial content.
     *
     * @throws RuntimeException when the data is malformed: the stream fails with it as the cause
     */
    E decode(SseEvent event);

    /** Whether {@code event}'s data might be an error object; only then is it parsed as one. */
    default boolean mayBeError(SseEvent event) {
        return event.contains("\"error\"");
    }

    /** Why the server stopped the stream, as {@code item} says, or null; the stream fails after delivering it. */
    default String stopReason(E item) {
        return null;
    }

    /** What the stream said about itself (usage, id, model) for listeners and budgets, once it ended well; or null. */
    default ResponseInfo ended() {
        return null;
    }

    /** The message content so far, kept by a failure; empty when none. */
    default String content() {
        return "";
    }

    /** The reasoning so far, kept by a failure; empty when none. */
    default String reasoning() {
        return "";
    }
}
