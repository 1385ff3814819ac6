package dev.groqj.transport;

import dev.groqj.error.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file to upload: a file name, an optional content type, and a source that is read while the request is sent,
 * never loaded into memory by groqj. Audio uploads wrap it as {@code AudioFile}; batch input files use it directly.
 *
 * <pre>{@code
 * FileSource.of(Path.of("batch.jsonl"));                                 // size known, re-read on retry
 * FileSource.of(bytes, "batch.jsonl");
 * FileSource.of(() -> bucket.download("batch.jsonl"), "batch.jsonl");   // re-opened on retry
 * FileSource.ofStream(servletInput, "batch.jsonl");                      // read once: not retried
 * }</pre>
 */
public final class FileSource {
    private final String fileName;
    private final String contentType;
    private final long size;
    private final boolean repeatable;
    private final Opener opener;

    /**
     * Opens the content afresh, as {@code () -> bucket.open("q.jsonl")}; an IOException it throws fails the call
     * with a {@link dev.groqj.error.FileSourceException}, which is not retried.
     */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private FileSource(String fileName, String contentType, long size, boolean repeatable, Opener opener) {
        this.fileName = Objects.requireNonNull(fileName, "fileName == null");
        this.contentType = contentType;
        this.size = size;
        this.repeatable = repeatable;
        this.opener = opener;
    }

    /** The file at {@code path}; its name and size are taken from the file system now. */
    public static FileSource of(Path path) {
        Objects.requireNonNull(path, "path == null");
        if (Files.isDirectory(path)) throw new ValidationException("file", path + " is a directory");
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new ValidationException("file", "cannot read " + path + ": " + e);
        }
        Path name = path.getFileName();
        return new FileSource(name == null ? path.toString() : name.toString(), null, size, true,
                () -> Files.newInputStream(path));
    }

    /** Bytes held in memory, uploaded as {@code fileName}. The array is not copied: do not change it. */
    public static FileSource of(byte[] bytes, String fileName) {
        Objects.requireNonNull(bytes, "bytes == null");
        return new FileSource(fileName, null, bytes.length, true, () -> new ByteArrayInputStream(bytes));
    }

    /** Content of unknown length, opened afresh for each attempt (so retries work); sent chunked. */
    public static FileSource of(Opener source, String fileName) {
        return of(source, fileName, -1);
    }

    /** Content of known length {@code size}, opened afresh for each attempt; sent with a Content-Length. */
    public static FileSource of(Opener source, String fileName, long size) {
        Objects.requireNonNull(source, "source == null");
        if (size < -1) throw new IllegalArgumentException("size must be >= 0, or -1 when unknown: " + size);
        return new FileSource(fileName, null, size, true,
                () -> Objects.requireNonNull(source.open(), "source returned null"));
    }

    /**
     * Content read once from {@code stream}. A failed attempt cannot be sent again, so calls with such a file are
     * not retried; use {@link #of(Opener, String)} when retries matter. groqj closes the stream after sending.
     */
    public static FileSource ofStream(InputStream stream, String fileName) {
        Objects.requireNonNull(stream, "stream == null");
        AtomicBoolean opened = new AtomicBoolean();
        return new FileSource(fileName, null, -1, false, () -> {
            if (opened.getAndSet(true)) {
                throw new IOException("the one-shot stream of '" + fileName + "' was already read;"
                        + " pass an opener, FileSource.of(() -> ..., name), to allow retries");
            }
            return stream;
        });
    }

    /** A copy sent with this {@code Content-Type}. */
    public FileSource withContentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType == null");
        return new FileSource(fileName, contentType, size, repeatable, opener);
    }

    public String fileName() {
        return fileName;
    }

    /** The content type given with {@link #withContentType}, or null. */
    public String contentType() {
        return contentType;
    }

    /** The length in bytes, or -1 when unknown. */
    public long size() {
        return size;
    }

    /** Whether the file can be read again, so a failed attempt can be retried. */
    public boolean isRepeatable() {
        return repeatable;
    }

    /** A fresh stream of the content; the caller closes it. */
    public InputStream open() throws IOException {
        return opener.open();
    }

    /** Lower-case extension of the file name, or "" when it has none. */
    public String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The multipart part's content: the given content type, else {@code fallbackContentType}. */
    public RequestBody toRequestBody(String fallbackContentType) {
        String type = contentType != null ? contentType : fallbackContentType;
        return new RequestBody() {
            @Override public String contentType() { return type; }
            @Override public long contentLength() { return size; }
            @Override public InputStream open() throws IOException { return opener.open(); }
        };
    }

    @Override
    public String toString() {
        return "FileSource" + describe();
    }

    /** {@code {name, type, N bytes}}, for the toString of types that wrap this one. */
    public String describe() {
        return "{" + fileName + (contentType == null ? "" : ", " + contentType)
                + (size < 0 ? "" : ", " + size + " bytes") + '}';
    }
}
