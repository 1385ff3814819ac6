package dev.groqj.internal.sse;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * <pre>{@code
 * SseEvent e = ...;
 * if (e.event().equals("error")) throw toError(e.data());
 * if (e.data().equals("[DONE]")) return;
 * }</pre>
 *
 * @param event the event type; {@code "message"} when the event had no (or an empty) {@code event} field, as in
 *     the HTML spec's dispatch. Never null.
 * @param data the {@code data} lines of the event joined with {@code "\n"}; {@code ""} for a single empty
 *     {@code data:} line. Never null: events without any data line are not dispatched.
 * @param id the stream's last event ID at dispatch time (it carries over to later events until a new {@code id}
 *     field changes it), or null when there is none (never set, or reset by an empty {@code id:})
 * @param retry the stream's reconnection time in milliseconds as last set by a {@code retry} field (it carries over
 *     like {@code id}), or null when the server never set one
 */
public record SseEvent(String event, String data, String id, Long retry) {
    /** The type of events without an {@code event} field. */
    public static final String DEFAULT_EVENT = "message";

    public SseEvent {
        Objects.requireNonNull(event, "event == null");
        Objects.requireNonNull(data, "data == null");
    }

    /** An event of the default type {@code "message"} with no id and no retry. */
    public static SseEvent message(String data) {
        return new SseEvent(DEFAULT_EVENT, data, null, null);
    }
}
