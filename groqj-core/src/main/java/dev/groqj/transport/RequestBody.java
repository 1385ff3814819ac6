package dev.groqj.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A request body that can be sent more than once: every attempt calls {@link #open()} again, so a retry
 * sends the whole body, byte for byte.
 */
public interface RequestBody {
    /** The Content-Type header value, e.g. {@code application/json}. */
    String contentType();

    /** Length in bytes, or -1 when unknown (sent chunked). */
    long contentLength();

    /** A fresh stream of the whole body. */
    InputStream open() throws IOException;

    /** The body as an array when it is held in memory (lets transports skip a copy), else null. */
    default byte[] bytesIfBuffered() {
        return null;
    }

    static RequestBody of(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes == null");
        Objects.requireNonNull(contentType, "contentType == null");
        return new RequestBody() {
            @Override public String contentType() { return contentType; }
            @Override public long contentLength() { return bytes.length; }
            @Override public InputStream open() { return new ByteArrayInputStream(bytes); }
            @Override public byte[] bytesIfBuffered() { return bytes; }
        };
    }

    static RequestBody json(byte[] bytes) {
        return of(bytes, "application/json");
    }
}
