package dev.groqj.audio;

import dev.groqj.transport.FileSource;
import dev.groqj.transport.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Audio to upload: a file name (whose extension tells Groq the format), an optional content type, and a source
 * that is read while the request is sent, never loaded into memory by groqj.
 *
 * <pre>{@code
 * AudioFile.of(Path.of("talk.wav"));                                    // size known, re-read on retry
 * AudioFile.of(bytes, "talk.mp3");
 * AudioFile.of(() -> bucket.download("talk.ogg"), "talk.ogg");          // re-opened on retry; may throw IOException
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

    private final FileSource source;

    private AudioFile(FileSource source) {
        this.source = source;
    }

    /** The file at {@code path}; its name and size are taken from the file system now. */
    public static AudioFile of(Path path) {
        return new AudioFile(FileSource.of(path));
    }

    /** Audio held in memory, uploaded as {@code fileName}. The array is not copied: do not change it. */
    public static AudioFile of(byte[] bytes, String fileName) {
        return new AudioFile(FileSource.of(bytes, fileName));
    }

    /** Audio of unknown length, opened afresh for each attempt (so retries work); sent chunked. */
    public static AudioFile of(FileSource.Opener source, String fileName) {
        return new AudioFile(FileSource.of(source, fileName));
    }

    /** Audio of known length {@code size}, opened afresh for each attempt; sent with a Content-Length. */
    public static AudioFile of(FileSource.Opener source, String fileName, long size) {
        return new AudioFile(FileSource.of(source, fileName, size));
    }

    /**
     * Audio read once from {@code stream}. A failed attempt cannot be sent again, so calls with such a file are
     * not retried; use {@link #of(FileSource.Opener, String)} when retries matter. groqj closes the stream after sending.
     */
    public static AudioFile ofStream(InputStream stream, String fileName) {
        return new AudioFile(FileSource.ofStream(stream, fileName));
    }

    /** A copy sent with this {@code Content-Type}; with one, the file name needs no known audio extension. */
    public AudioFile withContentType(String contentType) {
        return new AudioFile(source.withContentType(contentType));
    }

    public String fileName() {
        return source.fileName();
    }

    /** The content type given with {@link #withContentType}, or null. */
    public String contentType() {
        return source.contentType();
    }

    /** The length in bytes, or -1 when unknown. */
    public long size() {
        return source.size();
    }

    /** Whether the file can be read again, so a failed attempt can be retried. */
    public boolean isRepeatable() {
        return source.isRepeatable();
    }

    /** A fresh stream of the audio; the caller closes it. */
    public InputStream open() throws IOException {
        return source.open();
    }

    @Override
    public String toString() {
        return "AudioFile" + source.describe();
    }

    /** Lower-case extension of the file name, or "" when it has none. */
    String extension() {
        return source.extension();
    }

    /** Whether Groq accepts this file's format: a known extension, or an explicit content type. */
    boolean hasAcceptedFormat() {
        return contentType() != null || CONTENT_TYPES.containsKey(extension());
    }

    /** The multipart part's content: the given content type, else the one of the extension. */
    RequestBody toRequestBody() {
        return source.toRequestBody(CONTENT_TYPES.getOrDefault(extension(), "application/octet-stream"));
    }

    static String acceptedExtensions() {
        return String.join(", ", new TreeSet<>(CONTENT_TYPES.keySet()));
    }
}
