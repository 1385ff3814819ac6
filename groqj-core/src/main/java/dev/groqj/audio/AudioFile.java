package dev.groqj.audio;

import dev.groqj.error.ValidationException;
import dev.groqj.transport.RequestBody;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Audio to upload: a file name (whose extension tells Groq the format), an optional content type, and a source
 * that is read while the request is sent, never loaded into memory by groqj.
 *
 * <pre>{@code
 * AudioFile.of(Path.of("talk.wav"));                                    // size known, re-read on retry
 * AudioFile.of(bytes, "talk.mp3");
 * AudioFile.of(() -> bucket.download("talk.ogg"), "talk.ogg");          // re-opened on retry
 * AudioFile.ofStream(servletInput, "upload").withContentType("audio/webm"); // read once: not retried
 * }</pre>
 */
public final class AudioFile {
    /** Extensions Groq accepts, with the content type sent for each. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "flac", "audio/flac",
            "mp3", "audio/mpeg",
            "mp4", "audio/mp4",
            "mpeg", "audio/mpeg",
            "mpga", "audio/mpeg",
            "m4a", "audio/mp4",
            "ogg", "audio/ogg",
            "opus", "audio/opus",
            "wav", "audio/wav",
            "webm", "audio/webm");

    private final String fileName;
    private final String contentType;
    private final long size;
    private final boolean repeatable;
    private final Source source;

    /** Opens the bytes; may throw the IOException a file read throws. */
    private interface Source {
        InputStream open() throws IOException;
    }

    private AudioFile(String fileName, String contentType, long size, boolean repeatable, Source source) {
        this.fileName = Objects.requireNonNull(fileName, "fileName == null");
        this.contentType = contentType;
        this.size = size;
        this.repeatable = repeatable;
        this.source = source;
    }

    /** The file at {@code path}; its name and size are taken from the file system now. */
    public static AudioFile of(Path path) {
        Objects.requireNonNull(path, "path == null");
        if (Files.isDirectory(path)) throw new ValidationException("file", path + " is a directory");
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new ValidationException("file", "cannot read " + path + ": " + e);
        }
        Path name = path.getFileName();
        return new AudioFile(name == null ? path.toString() : name.toString(), null, size, true,
                () -> Files.newInputStream(path));
    }

    /** Audio held in memory, uploaded as {@code fileName}. The array is not copied: do not change it. */
    public static AudioFile of(byte[] bytes, String fileName) {
        Objects.requireNonNull(bytes, "bytes == null");
        return new AudioFile(fileName, null, bytes.length, true, () -> new ByteArrayInputStream(bytes));
    }

    /** Audio of unknown length, opened afresh for each attempt (so retries work); sent chunked. */
    public static AudioFile of(Supplier<? extends InputStream> source, String fileName) {
        return of(source, fileName, -1);
    }

    /** Audio of known length {@code size}, opened afresh for each attempt; sent with a Content-Length. */
    public static AudioFile of(Supplier<? extends InputStream> source, String fileName, long size) {
        Objects.requireNonNull(source, "source == null");
        if (size < -1) throw new IllegalArgumentException("size must be >= 0, or -1 when unknown: " + size);
        return new AudioFile(fileName, null, size, true,
                () -> Objects.requireNonNull(source.get(), "source returned null"));
    }

    /**
     * Audio read once from {@code stream}. A failed attempt cannot be sent again, so calls with such a file are
     * not retried; use {@link #of(Supplier, String)} when retries matter. groqj closes the stream after sending.
     */
    public static AudioFile ofStream(InputStream stream, String fileName) {
        Objects.requireNonNull(stream, "stream == null");
        AtomicBoolean opened = new AtomicBoolean();
        return new AudioFile(fileName, null, -1, false, () -> {
            if (opened.getAndSet(true)) {
                throw new IOException("the one-shot stream of '" + fileName + "' was already read;"
                        + " pass a Supplier<InputStream> to AudioFile.of to allow retries");
            }
            return stream;
        });
    }

    /** A copy sent with this {@code Content-Type}; with one, the file name needs no known audio extension. */
    public AudioFile withContentType(String contentType) {
        Objects.requireNonNull(contentType, "contentType == null");
        return new AudioFile(fileName, contentType, size, repeatable, source);
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

    /** A fresh stream of the audio; the caller closes it. */
    public InputStream open() throws IOException {
        return source.open();
    }

    @Override
    public String toString() {
        return "AudioFile{" + fileName + (contentType == null ? "" : ", " + contentType)
                + (size < 0 ? "" : ", " + size + " bytes") + '}';
    }

    /** Lower-case extension of the file name, or "" when it has none. */
    String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether Groq accepts this file's format: a known extension, or an explicit content type. */
    boolean hasAcceptedFormat() {
        return contentType != null || CONTENT_TYPES.containsKey(extension());
    }

    /** The multipart part's content: the given content type, else the one of the extension. */
    RequestBody toRequestBody() {
        String type = contentType != null
                ? contentType
                : CONTENT_TYPES.getOrDefault(extension(), "application/octet-stream");
        return new RequestBody() {
            @Override public String contentType() { return type; }
            @Override public long contentLength() { return size; }
            @Override public InputStream open() throws IOException { return source.open(); }
        };
    }

    static String acceptedExtensions() {
        return String.join(", ", new TreeSet<>(CONTENT_TYPES.keySet()));
    }
}
