package dev.groqj.internal.sse;

import dev.groqj.error.ResponseTooLargeException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An incremental parser of a {@code text/event-stream} body that is fed bytes as they arrive and hands each
 * complete event to a sink.
 *
 * <pre>{@code
 * SseParser parser = new SseParser(event -> System.out.println(event.data()));
 * int n;
 * while ((n = in.read(buf)) != -1) parser.feed(buf, 0, n);
 * parser.finish();
 * }</pre>
 *
 * <p>It follows the WHATWG HTML "event stream interpretation" rules: lines end in LF, CR or CRLF (a CRLF split
 * between two feeds is one line end); a leading UTF-8 BOM is skipped once; lines starting with {@code :} are
 * comments; a line without a colon is a field name with an empty value; one space after the colon is removed;
 * {@code data} lines are joined with {@code "\n"}; {@code id} values containing NUL are ignored; {@code retry} is
 * taken only when it is all ASCII digits; unknown fields are ignored; a blank line dispatches the event, unless it
 * has no data. Bytes are decoded as UTF-8 (malformed sequences become U+FFFD) once per complete event, never per
 * feed, so a character split across feeds decodes intact.
 *
 * <p>One deviation, on purpose: browsers discard an event that is not followed by a blank line at end of input,
 * but a stream that ends right after its last {@code data:} line still meant that event, and the client must not
 * lose it (for example the final usage chunk), so {@link #finish()} treats an unterminated last line as a line and
 * dispatches a pending event that has data.
 *
 * <p>Memory is bounded: a line longer than {@code maxLineBytes}, or an event whose data lines add up to more than
 * {@code maxEventBytes}, makes {@code feed} throw {@link ResponseTooLargeException}, so a line that never ends
 * cannot exhaust the heap; the parser is then finished. A Groq chunk is one {@code data:} line of a few KB
 * (a tool call or a compound model's search results can reach hundreds of KB), hence the 4 MiB defaults.
 *
 * <p>Not thread safe: feed it from one thread. The sink runs on the calling thread, inside {@link #feed}; an
 * exception it throws propagates, and the rest of that buffer is not parsed.
 */
public final class SseParser {
    private static final int INITIAL_CAPACITY = 256;
    private static final int SCRATCH_SIZE = 8192;
    /** The default cap on one line, in bytes. */
    public static final int DEFAULT_MAX_LINE_BYTES = 4 << 20;
    /** The default cap on the data of one event (its data lines, joined), in bytes. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 4 << 20;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");

    private final Consumer<SseEvent> sink;
    private final int maxLineBytes;
    private final int maxEventBytes;

    /** The start of a line that has not ended yet when a feed ended. */
    private byte[] partial = new byte[INITIAL_CAPACITY];
    private int partialLength;
    /** The data lines of the current event, each followed by LF; decoded once at dispatch. */
    private byte[] data = new byte[INITIAL_CAPACITY];
    private int dataLength;
    private byte[] scratch;

    private String eventType;
    private String lastEventId;
    private Long retry;

    /** The last feed ended in CR: an LF at the start of the next one belongs to that line end. */
    private boolean skipLf;
    private boolean firstLine = true;
    private boolean finished;

    /** A parser with the default caps. */
    public SseParser(Consumer<SseEvent> sink) {
        this(sink, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(Consumer<SseEvent> sink, int maxLineBytes, int maxEventBytes) {
        this.sink = Objects.requireNonNull(sink, "sink == null");
        if (maxLineBytes <= 0) throw new IllegalArgumentException("maxLineBytes <= 0: " + maxLineBytes);
        if (maxEventBytes <= 0) throw new IllegalArgumentException("maxEventBytes <= 0: " + maxEventBytes);
        this.maxLineBytes = maxLineBytes;
        this.maxEventBytes = maxEventBytes;
    }

    /** Parses {@code len} bytes of {@code buf} from {@code off}, dispatching every event they complete. */
    public void feed(byte[] buf, int off, int len) {
        Objects.requireNonNull(buf, "buf == null");
        Objects.checkFromIndexSize(off, len, buf.length);
        if (finished) throw new IllegalStateException("finished");
        int end = off + len;
        int i = off;
        if (skipLf && i < end) {
            skipLf = false;
            if (buf[i] == '\n') i++;
        }
        int lineStart = i;
        while ((i = lineEnd(buf, i, end)) >= 0) {
            byte b = buf[i];
            if (partialLength == 0) {
                line(buf, lineStart, i - lineStart);
            } else {
                appendPartial(buf, lineStart, i - lineStart);
                partialLine();
            }
            i++;
            if (b == '\r') {
                if (i == end) skipLf = true;
                else if (buf[i] == '\n') i++;
            }
            lineStart = i;
        }
        if (lineStart < end) appendPartial(buf, lineStart, end - lineStart);
    }

    /** Parses the remaining bytes of {@code buf}, leaving its position at its limit. */
    public void feed(ByteBuffer buf) {
        Objects.requireNonNull(buf, "buf == null");
        if (buf.hasArray()) {
            feed(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
            buf.position(buf.limit());
            return;
        }
        if (scratch == null) scratch = new byte[SCRATCH_SIZE];
        while (buf.hasRemaining()) {
            int n = Math.min(scratch.length, buf.remaining());
            buf.get(scratch, 0, n);
            feed(scratch, 0, n);
        }
    }

    /**
     * Ends the input: an unterminated last line is parsed as a line, and a pending event with data is dispatched
     * (see the class comment for why). Further feeds throw {@link IllegalStateException}; calling it again does
     * nothing.
     */
    public void finish() {
        if (finished) return;
        finished = true;
        if (partialLength > 0) partialLine();
        dispatch();
    }

    /**
     * The index of the first CR or LF in {@code buf[from, to)}, or -1. Tests eight bytes per step (SWAR), since
     * this scan over every byte is most of the parser's work.
     */
    private static int lineEnd(byte[] buf, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i);
            long found = zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS);
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') return i;
        }
        return -1;
    }

    /** Marks the lowest zero byte of {@code v} by its high bit; marks above it may be false, so use the lowest. */
    private static long zeroBytes(long v) {
        return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
    }

    /** Parses the carried-over line; emptied first so that a throwing sink leaves no stale bytes. */
    private void partialLine() {
        int length = partialLength;
        partialLength = 0;
        line(partial, 0, length);
    }

    private void appendPartial(byte[] buf, int off, int len) {
        if ((long) partialLength + len > maxLineBytes) throw tooLarge("a line", maxLineBytes);
        int needed = partialLength + len;
        if (needed > partial.length) partial = Arrays.copyOf(partial, grown(partial.length, needed, maxLineBytes));
        System.arraycopy(buf, off, partial, partialLength, len);
        partialLength = needed;
    }

    private void line(byte[] buf, int off, int len) {
        if (len > maxLineBytes) throw tooLarge("a line", maxLineBytes);
        if (firstLine) {
            firstLine = false;
            if (len >= 3 && buf[off] == (byte) 0xEF && buf[off + 1] == (byte) 0xBB && buf[off + 2] == (byte) 0xBF) {
                off += 3;
                len -= 3;
            }
        }
        if (len == 0) {
            dispatch();
            return;
        }
        if (buf[off] == ':') return; // comment
        int end = off + len;
        int colon = off;
        while (colon < end && buf[colon] != ':') colon++;
        int valueStart = end; // no colon: the whole line is the name and the value is empty
        if (colon < end) {
            valueStart = colon + 1;
            if (valueStart < end && buf[valueStart] == ' ') valueStart++;
        }
        int valueLength = end - valueStart;

        if (Arrays.equals(buf, off, colon, DATA, 0, DATA.length)) {
            appendData(buf, valueStart, valueLength);
        } else if (Arrays.equals(buf, off, colon, EVENT, 0, EVENT.length)) {
            eventType = decode(buf, valueStart, valueLength);
        } else if (Arrays.equals(buf, off, colon, ID, 0, ID.length)) {
            if (!containsNul(buf, valueStart, valueLength)) lastEventId = decode(buf, valueStart, valueLength);
        } else if (Arrays.equals(buf, off, colon, RETRY, 0, RETRY.length)) {
            Long millis = digits(buf, valueStart, valueLength);
            if (millis != null) retry = millis;
        }
    }

    private void appendData(byte[] buf, int off, int len) {
        // the LF after the last line is dropped at dispatch: it does not count
        if ((long) dataLength + len > maxEventBytes) throw tooLarge("the data of an event", maxEventBytes);
        int needed = dataLength + len + 1;
        if (needed > data.length) data = Arrays.copyOf(data, grown(data.length, needed, maxEventBytes + 1));
        System.arraycopy(buf, off, data, dataLength, len);
        data[needed - 1] = '\n';
        dataLength = needed;
    }

    private void dispatch() {
        if (dataLength == 0) {
            eventType = null;
            return;
        }
        // drop the LF after the last data line; the bytes go as they are (a JSON decoder reads UTF-8 itself)
        byte[] bytes = Arrays.copyOf(data, dataLength - 1);
        String type = eventType == null ? SseEvent.DEFAULT_EVENT : eventType;
        dataLength = 0;
        eventType = null;
        sink.accept(new SseEvent(type, bytes, lastEventId, retry));
    }

    /** Doubles a buffer, but never past what the cap allows. */
    private static int grown(int length, int needed, int cap) {
        return Math.max(needed, (int) Math.min(cap, 2L * length));
    }

    /** Ends the parse: what it held is dropped and later feeds fail. */
    private ResponseTooLargeException tooLarge(String what, int cap) {
        finished = true;
        partialLength = 0;
        dataLength = 0;
        return new ResponseTooLargeException("server-sent events: " + what + " is longer than " + cap + " bytes",
                cap, 0, null);
    }

    /** Decodes a value; empty is null, so an empty {@code event:} means the default type and {@code id:} resets. */
    private static String decode(byte[] buf, int off, int len) {
        return len == 0 ? null : new String(buf, off, len, StandardCharsets.UTF_8);
    }

    private static boolean containsNul(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (buf[i] == 0) return true;
        }
        return false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The value as a base-ten number if it is one or more ASCII digits and fits a long, else null. */
    private static Long digits(byte[] buf, int off, int len) {
        if (len == 0) return null;
        long value = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) return null;
            if (value > (Long.MAX_VALUE - d) / 10) return null;
            value = value * 10 + d;
        }
        return value;
    }
}
