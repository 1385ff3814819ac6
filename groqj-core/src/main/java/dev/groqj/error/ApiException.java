package dev.groqj.error;

import dev.groqj.transport.Headers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An HTTP answer with an error status. Subclasses name the common statuses; any other status
 * arrives as this class itself.
 */
public class ApiException extends GroqException {
    private final String failedGeneration;
    private final String errorMessage;
    private final String schemaPath;
    private final List<String> schemaPathSegments;
    private final String schemaKind;
    private final String schemaCode;
    /** Not serialized (its unknown fields may hold anything); the raw body keeps it. */
    private final transient DebugData debug;

    public ApiException(ErrorDetails details) {
        this(details, null);
    }

    public ApiException(ErrorDetails details, Throwable cause) {
        super(details.describe(), cause, details.statusCode(), details.requestId(), details.type(),
                details.code(), details.param(), details.rawBody(), details.headers());
        this.failedGeneration = details.failedGeneration();
        this.errorMessage = details.message();
        this.schemaPath = details.schemaPath();
        this.schemaPathSegments = details.schemaPathSegments() == null ? null
                : Collections.unmodifiableList(new ArrayList<>(details.schemaPathSegments()));
        this.schemaKind = details.schemaKind();
        this.schemaCode = details.schemaCode();
        this.debug = details.debug();
    }

    /** Groq's {@code error.message} alone, without the status, code and request id {@link #getMessage()} adds. */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * Where a request or output failed schema validation ({@code error.schema_path}, such as
     * {@code /properties/answer/type}), or null.
     */
    public String schemaPath() {
        return schemaPath;
    }

    /** {@link #schemaPath()} as its segments ({@code error.schema_path_segments}), or null. */
    public List<String> schemaPathSegments() {
        return schemaPathSegments;
    }

    /** The kind of schema failure ({@code error.schema_kind}), or null. */
    public String schemaKind() {
        return schemaKind;
    }

    /** The code of the schema failure ({@code error.schema_code}), or null. */
    public String schemaCode() {
        return schemaCode;
    }

    /** Groq's debug data ({@code error.debug}), or null; not kept through Java serialization. */
    public DebugData debug() {
        return debug;
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

    /**
     * The parts of an HTTP error answer, parsed once: Groq's {@code error} fields, with the schema-validation
     * details and debug data when it sends them.
     */
    public record ErrorDetails(int statusCode, String message, String type, String code, String param,
                               String failedGeneration, String requestId, String rawBody, Headers headers,
                               String schemaPath, List<String> schemaPathSegments, String schemaKind,
                               String schemaCode, DebugData debug) {
        /** Details without schema or debug fields. */
        public ErrorDetails(int statusCode, String message, String type, String code, String param,
                            String failedGeneration, String requestId, String rawBody, Headers headers) {
            this(statusCode, message, type, code, param, failedGeneration, requestId, rawBody, headers, null, null,
                    null, null, null);
        }

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
