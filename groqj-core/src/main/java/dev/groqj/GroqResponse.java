package dev.groqj;

import dev.groqj.transport.Headers;

import java.util.Objects;

/**
 * A result together with the HTTP answer it came from: status, headers and Groq's request id.
 *
 * <pre>{@code
 * GroqResponse<ChatCompletion> r = client.chat().createWithResponse(request, RequestOptions.DEFAULT);
 * r.requestId();                     // "req_..."
 * r.headers().first("x-ratelimit-remaining-tokens");
 * }</pre>
 */
public record GroqResponse<T>(T value, int statusCode, Headers headers) {
    public GroqResponse {
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(headers, "headers == null");
    }

    /** {@code x-request-id}, or null. */
    public String requestId() {
        return headers.firstOrNull("x-request-id");
    }
}
