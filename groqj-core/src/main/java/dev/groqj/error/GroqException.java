package dev.groqj.error;

import dev.groqj.transport.Headers;

/**
 * The root of every exception groqj throws. Unchecked.
 *
 * <p>{@link #statusCode()} is 0 when no HTTP answer was received (validation, network, timeout,
 * circuit open). Fields that Groq's error body carries ({@code type}, {@code code}, {@code param})
 * are null when absent. The API key never appears in a message.
 */
public class GroqException extends RuntimeException {
    private final int statusCode;
    private final String requestId;
    private final String errorType;
    private final String errorCode;
    private final String param;
    private final String rawBody;
    private final Headers headers;

    public GroqException(String message) {
        this(message, null);
    }

    public GroqException(String message, Throwable cause) {
        this(message, cause, 0, null, null, null, null, null, Headers.EMPTY);
    }

    protected GroqException(String message, Throwable cause, int statusCode, String requestId,
                            String errorType, String errorCode, String param, String rawBody, Headers headers) {
        super(message, cause);
        this.statusCode = statusCode;
        this.requestId = requestId;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.param = param;
        this.rawBody = rawBody;
        this.headers = headers == null ? Headers.EMPTY : headers;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int statusCode() {
        return statusCode;
    }

    /** Groq's {@code x-request-id}, or null. */
    public String requestId() {
        return requestId;
    }

    /** {@code error.type} from Groq's body, e.g. {@code invalid_request_error}, or null. */
    public String errorType() {
        return errorType;
    }

    /** {@code error.code} from Groq's body, e.g. {@code model_not_found}, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The parameter at fault: from Groq's body, or the one client-side validation names. */
    public String param() {
        return param;
    }

    /** The response body as received, or null. */
    public String rawBody() {
        return rawBody;
    }

    /** Response headers, empty when there was no HTTP answer. */
    public Headers headers() {
        return headers;
    }

    /** Whether sending the same request again may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
