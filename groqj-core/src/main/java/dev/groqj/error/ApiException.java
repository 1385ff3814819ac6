package dev.groqj.error;

import dev.groqj.transport.Headers;

/**
 * An HTTP answer with an error status. Subclasses name the common statuses; any other status
 * arrives as this class itself.
 */
public class ApiException extends GroqException {
    private final String failedGeneration;

    public ApiException(ErrorDetails details) {
        this(details, null);
    }

    public ApiException(ErrorDetails details, Throwable cause) {
        super(details.describe(), cause, details.statusCode(), details.requestId(), details.type(),
                details.code(), details.param(), details.rawBody(), details.headers());
        this.failedGeneration = details.failedGeneration();
    }

    /** What the model produced before Groq rejected it ({@code error.failed_generation}), or null. */
    public String failedGeneration() {
        return failedGeneration;
    }

    /**
     * 413 never: the request is larger than a limit, and sending it again cannot help, whatever the server
     * says. Otherwise the server's {@code x-should-retry: true|false} decides when present (another value is
     * ignored); else 408, 409, 429, 498 and 5xx are retried.
     */
    @Override
    public boolean isRetryable() {
        int s = statusCode();
        if (s == 413) {
            return false;
        }
        String shouldRetry = headers().firstOrNull("x-should-retry");
        if (shouldRetry != null && (shouldRetry.trim().equalsIgnoreCase("true")
                || shouldRetry.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(shouldRetry.trim());
        }
        return s == 408 || s == 409 || s == 429 || s == 498 || s >= 500;
    }

    /** The parts of an HTTP error answer, parsed once. */
    public record ErrorDetails(int statusCode, String message, String type, String code, String param,
                               String failedGeneration, String requestId, String rawBody, Headers headers) {
        String describe() {
            StringBuilder sb = new StringBuilder().append(statusCode);
            if (code != null) sb.append(' ').append(code);
            sb.append(": ").append(message == null || message.isBlank() ? "(no message)" : message);
            if (param != null) sb.append(" [param=").append(param).append(']');
            if (requestId != null) sb.append(" [request_id=").append(requestId).append(']');
            return sb.toString();
        }
    }
}
