package dev.groqj.error;

/**
 * A stream that failed after it began: an {@code event: error} inside a 200 stream (with the status code
 * from its body), a chunk whose {@code x_groq.error} says Groq stopped the stream, a 2xx answer that is not
 * {@code text/event-stream} (status 200, the body's error message), or a failure reading the body, which is the
 * cause: {@link NetworkException} (cut), {@link GroqTimeoutException}, {@link ResponseTooLargeException}.
 * {@link #partialContent()} holds what arrived before; every chunk that arrived was delivered first.
 */
public class StreamException extends ApiException {
    private final String partialContent;
    private final String partialReasoning;

    public StreamException(ErrorDetails details, String partialContent, String partialReasoning, Throwable cause) {
        super(details, cause);
        this.partialContent = partialContent;
        this.partialReasoning = partialReasoning;
    }

    /** The message content received before the failure; empty if none. */
    public String partialContent() {
        return partialContent;
    }

    /** The reasoning received before the failure; empty if none. */
    public String partialReasoning() {
        return partialReasoning;
    }

    /** Never retried automatically: tokens already reached the caller. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
