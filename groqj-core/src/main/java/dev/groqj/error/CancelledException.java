package dev.groqj.error;

/**
 * The call was cancelled (its future was cancelled, or the client closed) or the calling thread was interrupted;
 * in that case the thread's interrupt flag is set again before this is thrown. Nothing more is sent for the call.
 */
public class CancelledException extends GroqException {
    public CancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
