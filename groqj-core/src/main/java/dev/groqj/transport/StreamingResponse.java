package dev.groqj.transport;

import java.io.InputStream;

/**
 * A response whose body is read as it arrives. {@link #close()} aborts the exchange if the body was not
 * read to its end, so a caller that stops early frees the connection at once.
 */
public interface StreamingResponse extends AutoCloseable {
    int statusCode();

    Headers headers();

    /** The body as it arrives; read it on one thread. */
    InputStream body();

    /** Aborts the exchange (idempotent). */
    @Override
    void close();
}
