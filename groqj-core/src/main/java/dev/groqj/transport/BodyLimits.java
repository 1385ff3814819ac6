package dev.groqj.transport;

import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.ResponseTooLargeException;

import java.net.URI;
import java.time.Duration;

/**
 * The limits one attempt's body is read under, fixed when it is sent: the longest silence, the end of the
 * attempt (on {@link System#nanoTime()}), and the most bytes. Not API.
 */
final class BodyLimits {
    private static final long NONE = Long.MAX_VALUE;

    /** The request, named in errors only: the name is made when one is thrown, not for every call. */
    private final String method;
    private final URI uri;
    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private final long maxBytes;

    private BodyLimits(String method, URI uri, long readTimeoutNanos, long deadlineNanos, long maxBytes) {
        this.method = method;
        this.uri = uri;
        this.readTimeoutNanos = readTimeoutNanos;
        this.deadlineNanos = deadlineNanos;
        this.maxBytes = maxBytes;
    }

    /** The limits of {@code request}, its attempt starting now. */
    static BodyLimits of(HttpRequest request) {
        long now = System.nanoTime();
        return new BodyLimits(request.method(), request.uri(), nanos(request.readTimeout()),
                deadlineAfter(now, request.attemptTimeout()),
                request.maxResponseBytes());
    }

    /** {@code timeout} after {@code now} on {@link System#nanoTime()}; {@link Long#MAX_VALUE} for none (or too far). */
    static long deadlineAfter(long now, Duration timeout) {
        return timeout == null ? NONE : saturatedAdd(now, nanos(timeout));
    }

    /** The same limits with another byte cap (an error body's). */
    BodyLimits withMaxBytes(long maxBytes) {
        return new BodyLimits(method, uri, readTimeoutNanos, deadlineNanos, maxBytes);
    }

    private String what() {
        return method + " " + uri.getPath();
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * How long a reader may still wait for data when the last progress was at {@code lastProgressNanos}; zero or
     * less when a limit has passed ({@link #timeout} says which).
     */
    long waitNanos(long lastProgressNanos, long now) {
        long silence = readTimeoutNanos == NONE ? NONE : readTimeoutNanos - (now - lastProgressNanos);
        return Math.min(silence, untilDeadline(now));
    }

    /** How long until the deadline; {@link Long#MAX_VALUE} when there is none. */
    long untilDeadline(long now) {
        return deadlineNanos == NONE ? NONE : deadlineNanos - now;
    }

    GroqTimeoutException timeout(long now) {
        if (untilDeadline(now) <= 0) {
            return new GroqTimeoutException(what() + ": the call's deadline passed while the answer was being read", null);
        }
        return new GroqTimeoutException(what() + ": no data for " + Duration.ofNanos(readTimeoutNanos)
                + " while the answer was being read (readTimeout)", null);
    }

    ResponseTooLargeException tooLarge(int status, Headers headers) {
        return new ResponseTooLargeException(what() + ": the answer is larger than " + maxBytes
                + " bytes (maxResponseBytes); the exchange was aborted", maxBytes, status, headers);
    }

    private static long nanos(Duration d) {
        if (d == null) return NONE;
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return NONE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? NONE : sum;
    }
}
