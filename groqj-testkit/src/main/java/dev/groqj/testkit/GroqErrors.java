package dev.groqj.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Groq's error bodies: {@code {"error":{"message","type","code"[,"param"]}}}. */
final class GroqErrors {
    private GroqErrors() {
    }

    /** The type, code and message Groq sends with a status when nothing more specific applies. */
    record Kind(String type, String code, String message) {
    }

    static Kind kindFor(int status) {
        switch (status) {
            case 400: return new Kind("invalid_request_error", null, "Bad request.");
            case 401: return new Kind("invalid_request_error", "invalid_api_key", "Invalid API Key");
            case 403: return new Kind("permissions_error", "permission_denied", "Permission denied.");
            case 404: return new Kind("invalid_request_error", "not_found", "Not found.");
            case 413: return new Kind("invalid_request_error", "request_too_large", "Request Entity Too Large");
            case 422: return new Kind("invalid_request_error", null, "Unprocessable entity.");
            case 429: return new Kind("requests", "rate_limit_exceeded", "Rate limit reached.");
            case 498: return new Kind("capacity_exceeded", "capacity_exceeded",
                    "Flex tier capacity exceeded. This model is currently at capacity; please try again later.");
            case 503: return new Kind("internal_server_error", "service_unavailable",
                    "Service Unavailable. Please try again later.");
            default: return status >= 500
                    ? new Kind("internal_server_error", "internal_server_error", "Internal Server Error")
                    : new Kind("invalid_request_error", null, "Request failed.");
        }
    }

    static String body(String message, String type, String code, String param) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        if (code != null) error.put("code", code);
        if (param != null) error.put("param", param);
        return Json.writeString(root);
    }

    /** A problem with a request, answered with Groq's error body. */
    static final class Failure extends RuntimeException {
        final int status;
        final String type;
        final String code;
        final String param;
        /** Seconds for a 429's {@code retry-after} header, or -1. */
        final long retryAfterSeconds;

        Failure(int status, String type, String code, String param, String message) {
            this(status, type, code, param, message, -1);
        }

        Failure(int status, String type, String code, String param, String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
            this.code = code;
            this.param = param;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        static Failure invalid(String param, String message) {
            return new Failure(400, "invalid_request_error", null, param, message);
        }

        static Failure modelNotFound(String model) {
            return new Failure(404, "invalid_request_error", "model_not_found", null,
                    "The model `" + model + "` does not exist or you do not have access to it.");
        }

        String body() {
            return GroqErrors.body(getMessage(), type, code, param);
        }
    }
}
