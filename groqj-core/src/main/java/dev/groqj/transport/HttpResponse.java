package dev.groqj.transport;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A whole HTTP response, body read into memory. */
public final class HttpResponse {
    private final int statusCode;
    private final Headers headers;
    private final byte[] body;

    public HttpResponse(int statusCode, Headers headers, byte[] body) {
        this.statusCode = statusCode;
        this.headers = Objects.requireNonNull(headers, "headers == null");
        this.body = body == null ? new byte[0] : body;
    }

    public int statusCode() { return statusCode; }
    public Headers headers() { return headers; }
    public byte[] body() { return body; }
    public String bodyAsString() { return new String(body, StandardCharsets.UTF_8); }
    public boolean isSuccessful() { return statusCode >= 200 && statusCode < 300; }
}
