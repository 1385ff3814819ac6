package dev.groqj.audio;

/**
 * Hears how much of an upload was sent. Called on the thread that writes the request body, after each chunk;
 * keep it quick and do not throw. A retried call starts again from 0.
 *
 * <pre>{@code
 * builder.progressListener((sent, total) -> System.out.printf("%d of %d bytes%n", sent, total));
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param bytesSent  bytes of the request body handed to the transport so far
     * @param totalBytes the body's whole length, or -1 when it is not known in advance
     */
    void onProgress(long bytesSent, long totalBytes);
}
