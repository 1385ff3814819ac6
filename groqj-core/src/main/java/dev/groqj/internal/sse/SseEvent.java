package dev.groqj.internal.sse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One dispatched server-sent event. Its data is kept as the UTF-8 bytes that arrived, so a JSON decoder reads
 * them as they are ({@link #utf8()}); the text is made only when asked for ({@link #data()}).
 *
 * <pre>{@code
 * SseEvent e = ...;
 * if (e.event().equals("error")) throw toError(e.data());
 * if (e.dataEquals("[DONE]")) return;
 * }</pre>
 *
 * Equal when type, data, id and retry are (as the record it was).
 */
public final class SseEvent {
    /** The type of events without an {@code event} field. */
    public static final String DEFAULT_EVENT = "message";

    private final String event;
    private final byte[] utf8;
    private String data;
    private final String id;
    private final Long retry;

    /**
     * @param event the event type; {@code "message"} when the event had no (or an empty) {@code event} field, as
     *     in the HTML spec's dispatch. Never null.
     * @param data the {@code data} lines of the event joined with {@code "\n"}; {@code ""} for a single empty
     *     {@code data:} line. Never null: events without any data line are not dispatched.
     * @param id the stream's last event ID at dispatch time (it carries over to later events until a new
     *     {@code id} field changes it), or null when there is none (never set, or reset by an empty {@code id:})
     * @param retry the stream's reconnection time in milliseconds as last set by a {@code retry} field (it carries
     *     over like {@code id}), or null when the server never set one
     */
    public SseEvent(String event, String data, String id, Long retry) {
        this(event, Objects.requireNonNull(data, "data == null").getBytes(StandardCharsets.UTF_8), id, retry);
        this.data = data;
    }

    /** The parser's: {@code utf8} is this event's own. */
    SseEvent(String event, byte[] utf8, String id, Long retry) {
        this.event = Objects.requireNonNull(event, "event == null");
        this.utf8 = utf8;
        this.id = id;
        this.retry = retry;
    }

    /** An event of the default type {@code "message"} with no id and no retry. */
    public static SseEvent message(String data) {
        return new SseEvent(DEFAULT_EVENT, data, null, null);
    }

    public String event() {
        return event;
    }

    /** The data as text, decoded on first use (not thread safe: an event is read by one thread). */
    public String data() {
        String d = data;
        if (d == null) data = d = new String(utf8, StandardCharsets.UTF_8);
        return d;
    }

    /** The data's UTF-8 bytes, shared: not to be changed. */
    public byte[] utf8() {
        return utf8;
    }

    public String id() {
        return id;
    }

    public Long retry() {
        return retry;
    }

    public boolean isEmpty() {
        return utf8.length == 0;
    }

    /** Whether the data is exactly {@code ascii}, compared without decoding it. */
    public boolean dataEquals(String ascii) {
        if (utf8.length != ascii.length()) return false;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] != ascii.charAt(i)) return false;
        }
        return true;
    }

    /** Whether the data starts with {@code ascii}. */
    public boolean startsWith(String ascii) {
        if (utf8.length < ascii.length()) return false;
        for (int i = 0; i < ascii.length(); i++) {
            if (utf8[i] != ascii.charAt(i)) return false;
        }
        return true;
    }

    /** Whether the data contains {@code ascii}; found without decoding it. */
    public boolean contains(String ascii) {
        int n = ascii.length();
        char first = ascii.charAt(0);
        outer:
        for (int i = 0, last = utf8.length - n; i <= last; i++) {
            if (utf8[i] != first) continue;
            for (int j = 1; j < n; j++) {
                if (utf8[i + j] != ascii.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SseEvent e && event.equals(e.event) && data().equals(e.data()) && Objects.equals(id, e.id)
                && Objects.equals(retry, e.retry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, data(), id, retry);
    }

    @Override
    public String toString() {
        return "SseEvent[event=" + event + ", data=" + data() + ", id=" + id + ", retry=" + retry + "]";
    }
}
