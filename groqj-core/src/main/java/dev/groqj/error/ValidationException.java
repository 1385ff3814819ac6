package dev.groqj.error;

import dev.groqj.transport.Headers;

/** Bad input, found before anything was sent. {@link #param()} names the parameter. */
public class ValidationException extends GroqException {
    public ValidationException(String param, String message) {
        super(param + ": " + message, null, 0, null, null, null, param, null, Headers.EMPTY);
    }
}
