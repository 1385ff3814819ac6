package dev.groqj.internal;

import dev.groqj.RequestOptions;
import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a streamed answer's body (speech audio, a file's content) to a stream or a file as it arrives. Not API.
 */
public final class Download {
    private Download() {
    }

    /** Writes what {@link #toFile} writes to the file's temporary sibling. */
    @FunctionalInterface
    public interface Writer {
        long writeTo(OutputStream out);
    }

    /** The answer is {@code type}, not the client's default {@code application/json}; a caller's own Accept wins. */
    public static RequestOptions accept(RequestOptions options, String type) {
        RequestOptions o = options == null ? RequestOptions.DEFAULT : options;
        boolean own = o.headers().keySet().stream().anyMatch("Accept"::equalsIgnoreCase);
        return own ? o : o.toBuilder().header("Accept", type).build();
    }

    /**
     * Copies the open answer's body to {@code out}, returning the number of bytes, and closes the answer; a broken
     * body is a network failure. {@code what} names the content in messages ("the audio").
     */
    public static long copy(OpenStream response, OutputStream out, String operation, String what) {
        try (response; InputStream in = response.body()) {
            byte[] buffer = new byte[16 * 1024];
            long written = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw failed(response, new NetworkException(
                            operation + ": " + what + " broke off after " + written + " bytes: " + e, e));
                }
                if (n < 0) return written;
                if (written == 0) response.chunkArrived();
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw failed(response, new GroqException(operation + ": cannot write " + what + ": " + e, e));
                }
                written += n;
            }
        } catch (IOException e) {
            throw new NetworkException(operation + ": closing the response failed: " + e, e);
        }
    }

    /**
     * Runs {@code writer} on a sibling temporary file and moves it onto {@code file} only once all of it was
     * written, so a failed download never leaves a half file under the target's name.
     */
    public static long toFile(Path file, String what, Writer writer) {
        Path target = file.toAbsolutePath();
        // not Files.createTempFile: its owner-only permissions would carry over to the target
        Path partial = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                written = writer.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } catch (IOException e) {
            throw new GroqException("cannot write " + what + " to " + file + ": " + e, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Tells the call's listeners how the stream ended, and returns {@code error} to throw. */
    private static GroqException failed(OpenStream response, GroqException error) {
        response.failed(error);
        return error;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover .part file is harmless and the original failure matters more
        }
    }
}
