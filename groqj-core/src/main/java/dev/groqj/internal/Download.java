package dev.groqj.internal;

import dev.groqj.RequestOptions;
import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Writes a streamed answer's body (speech audio, a file's content) to a stream or a file as it arrives. Not API.
 */
public final class Download {
    private Download() {
    }

    /** Writes what {@link #toFile} writes to the file's temporary sibling. */
    @FunctionalInterface
    interface Writer {
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
     * body is a network failure.
     */
    static long copy(OpenStream response, OutputStream out, String operation) {
        try (response; InputStream in = response.body()) {
            byte[] buffer = new byte[16 * 1024];
            long written = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw failed(response, brokeOff(operation, written, e));
                }
                if (n < 0) return written;
                if (written == 0) response.chunkArrived();
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw failed(response, cannotWrite(operation, e));
                }
                written += n;
            }
        } catch (IOException e) {
            throw new NetworkException(operation + ": closing the response failed: " + e, e);
        }
    }

    /**
     * The non-blocking form of {@link #copy}: writes each piece of the body to {@code out} as the transport
     * publishes it, asking for the next only once it is written.
     */
    static CompletableFuture<Long> copyAsync(AsyncOpenStream response, OutputStream out, String operation) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        response.body().subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;
            private long written;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                result.whenComplete((n, e) -> {
                    if (!result.isCancelled()) return;
                    s.cancel();
                    response.close();
                });
                s.request(1);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                if (result.isDone()) return;
                try {
                    for (ByteBuffer b : buffers) {
                        if (b.hasRemaining() && written == 0) response.chunkArrived();
                        int n = b.remaining();
                        if (b.hasArray()) {
                            out.write(b.array(), b.arrayOffset() + b.position(), n);
                        } else {
                            byte[] copy = new byte[n];
                            b.get(copy);
                            out.write(copy);
                        }
                        written += n;
                    }
                } catch (IOException e) {
                    subscription.cancel();
                    fail(cannotWrite(operation, e));
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable e) {
                fail(e instanceof GroqException g ? g : brokeOff(operation, written, e));
            }

            @Override
            public void onComplete() {
                response.close();
                result.complete(written);
            }

            private void fail(GroqException error) {
                response.failed(error);
                response.close();
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    /**
     * Runs {@code writer} on a sibling temporary file and moves it onto {@code file} only once all of it was
     * written, so a failed download never leaves a half file under the target's name.
     */
    static long toFile(Path file, String operation, Writer writer) {
        Path partial = partial(file);
        try {
            long written;
            try (OutputStream out = open(partial)) {
                written = writer.writeTo(out);
            }
            Files.move(partial, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
            return written;
        } catch (IOException e) {
            throw cannotWrite(operation, file, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** The non-blocking form of {@link #toFile}. */
    static CompletableFuture<Long> toFileAsync(Path file, String operation,
                                               Function<OutputStream, CompletableFuture<Long>> writer) {
        Path partial = partial(file);
        OutputStream out;
        try {
            out = open(partial);
        } catch (IOException e) {
            deleteQuietly(partial);
            return CompletableFuture.failedFuture(cannotWrite(operation, file, e));
        }
        CompletableFuture<Long> written = start(writer, out);
        CompletableFuture<Long> result = new CompletableFuture<>();
        // a stage of its own: it must run, and remove the partial file, even when the result was cancelled
        written.whenComplete((n, error) -> {
            Throwable failure = error;
            try {
                out.close();
                if (error == null) Files.move(partial, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                if (error == null) failure = cannotWrite(operation, file, e);
            } finally {
                deleteQuietly(partial);
            }
            if (failure == null) result.complete(n);
            else result.completeExceptionally(failure);
        });
        result.whenComplete((n, e) -> {
            if (result.isCancelled()) written.cancel(true);
        });
        return result;
    }

    private static CompletableFuture<Long> start(Function<OutputStream, CompletableFuture<Long>> writer,
                                                 OutputStream out) {
        try {
            return writer.apply(out);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // not Files.createTempFile: its owner-only permissions would carry over to the target
    private static Path partial(Path file) {
        Path target = file.toAbsolutePath();
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
    }

    private static OutputStream open(Path partial) throws IOException {
        return Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static NetworkException brokeOff(String operation, long written, Throwable e) {
        return new NetworkException(operation + ": the body broke off after " + written + " bytes: " + e, e);
    }

    private static GroqException cannotWrite(String operation, IOException e) {
        return new GroqException(operation + ": cannot write the body: " + e, e);
    }

    private static GroqException cannotWrite(String operation, Path file, IOException e) {
        return new GroqException(operation + ": cannot write to " + file + ": " + e, e);
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
