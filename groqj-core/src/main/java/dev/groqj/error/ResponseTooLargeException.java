package dev.groqj.error;

import dev.groqj.transport.Headers;

/**
 * An answer larger than the client reads ({@code GroqClient.Builder.maxResponseBytes}, or the cap on an SSE
 * line or event): the exchange was aborted when the cap was passed, so a hostile or broken server cannot exhaust
 * the heap. Not retried: the same request would get the same answer.
 */
public class ResponseTooLargeException extends GroqException {
    private final long limitBytes;

    public ResponseTooLargeException(String message, long limitBytes, int statusCode, Headers headers) {
        super(message, null, statusCode, headers == null ? null : headers.firstOrNull("x-request-id"),
                null, null, null, null, headers);
        this.limitBytes = limitBytes;
    }

    /** The cap that was passed, in bytes. */
    public long limitBytes() {
        return limitBytes;
    }
}
