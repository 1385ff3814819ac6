package dev.groqj.error;

/**
 * A file or stream the caller supplied for an upload could not be read. The cause is the source's own
 * exception. Not retried and not counted by the circuit breaker: the fault is local, not Groq's.
 */
public class FileSourceException extends GroqException {
    public FileSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
