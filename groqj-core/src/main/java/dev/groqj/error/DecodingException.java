package dev.groqj.error;

import dev.groqj.transport.Headers;

/**
 * A successful answer whose body could not be decoded into the expected type (not JSON, or not of the
 * documented shape). {@link #rawBody()} holds an excerpt of the body; status and request id are kept. Not retried.
 */
public class DecodingException extends GroqException {
    public DecodingException(String message, Throwable cause, int statusCode, String bodyExcerpt, Headers headers) {
        super(message, cause, statusCode, headers == null ? null : headers.firstOrNull("x-request-id"),
                null, null, null, bodyExcerpt, headers);
    }
}
