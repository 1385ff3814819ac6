package dev.groqj.transport;

import dev.groqj.error.FileSourceException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What every transport here does the same way: which headers it leaves to the library, and how bodies are read. Not API. */
final class Exchanges {
    /** Headers the HTTP library sets itself from the body and connection, never taken from a caller. */
    static final Set<String> RESTRICTED = restricted();
    /** The largest declared length {@link #readAll} allocates up front. */
    static final int MAX_EXACT_BYTES = 1 << 20;

    private Exchanges() {
    }

    private static Set<String> restricted() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding"));
        return names;
    }

    /** {@link InputStream#read()} through {@code in}'s array read, which is where its limits are kept. */
    static int readOne(InputStream in) throws IOException {
        byte[] one = new byte[1];
        return in.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** A successful body keeps the request's cap (a stream has none: SSE lines are capped instead); an error body is cut. */
    static BodyLimits bodyLimits(BodyLimits limits, int status, boolean whole) {
        if (!isSuccess(status)) return limits.withMaxBytes(HttpTransport.MAX_ERROR_BODY_BYTES);
        return whole ? limits : limits.withMaxBytes(Long.MAX_VALUE);
    }

    static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    /** The request body's source failed ({@link RequestBody#open()}): the caller's fault, not the network's. */
    static FileSourceException unreadableBody(HttpRequest request, IOException cause) {
        return new FileSourceException(describe(request) + ": could not read the request body: " + cause.getMessage(),
                cause);
    }

    /**
     * Reads the rest of {@code body}, which ends itself at its cap. A body of a declared length within
     * {@code maxBytes} and {@link #MAX_EXACT_BYTES} is read straight into an array of that size (what
     * {@code readAllBytes} would do costs an 8 KiB buffer and a copy per call).
     */
    static byte[] readAll(InputStream body, Headers headers, long maxBytes) throws IOException {
        long length = declaredLength(headers);
        if (length < 0 || length > Math.min(MAX_EXACT_BYTES, maxBytes)) return body.readAllBytes();
        byte[] bytes = new byte[(int) length];
        int n = 0;
        while (n < bytes.length) {
            int r = body.read(bytes, n, bytes.length - n);
            if (r < 0) return Arrays.copyOf(bytes, n);
            n += r;
        }
        // waits for the end of the exchange, so that closing leaves the connection to the pool
        int more = body.read();
        if (more < 0) return bytes;
        ByteArrayOutputStream longer = new ByteArrayOutputStream(bytes.length + 1024);
        longer.write(bytes);
        longer.write(more);
        body.transferTo(longer);
        return longer.toByteArray();
    }

    /** The {@code Content-Length} the answer declared, or -1 when it declared none (or none that parses). */
    private static long declaredLength(Headers headers) {
        String value = headers.firstOrNull("content-length");
        if (value == null) return -1;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
