package dev.groqj.error;

import java.time.Duration;

/** The circuit breaker is open: nothing was sent. {@link #retryIn()} says when it will let a probe through. */
public class CircuitOpenException extends GroqException {
    private final Duration retryIn;

    public CircuitOpenException(String message, Duration retryIn) {
        super(message);
        this.retryIn = retryIn;
    }

    public Duration retryIn() {
        return retryIn;
    }
}
