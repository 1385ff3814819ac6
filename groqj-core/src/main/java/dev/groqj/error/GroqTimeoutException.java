package dev.groqj.error;

/** The request, or the overall deadline of a call with its retries, ran out of time. */
public class GroqTimeoutException extends NetworkException {
    public GroqTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
