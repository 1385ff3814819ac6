package dev.groqj.internal.http;

import dev.groqj.transport.RequestBody;
import dev.groqj.error.FileSourceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body that streams its file parts from their sources: the file is read as the
 * transport sends it, never held in memory, and every {@link #open()} reads it again from the start.
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.builder()
 *         .addField("model", "whisper-large-v3-turbo")
 *         .addFile("file", "talk.wav", RequestBody.of(bytes, "audio/wav"))
 *         .build();
 * body.contentLength(); // exact when every file part knows its length, else -1 (sent chunked)
 * }</pre>
 *
 * <p>Names and file names are written as browsers write them (WHATWG): {@code "} becomes {@code %22}, CR and LF
 * become {@code %0D} and {@code %0A}; other characters are sent as UTF-8.
 */
public final class MultipartBody implements RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final char[] BOUNDARY_CHARS =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<Part> parts;
    /** Every byte that is not file content, in order: before part 0, between parts, and the closing line. */
    private final List<byte[]> frames;
    private final long contentLength;

    private MultipartBody(Builder b) {
        this.boundary = b.boundary != null ? b.boundary : randomBoundary();
        this.parts = List.copyOf(b.parts);
        this.frames = new ArrayList<>(parts.size() + 1);
        long length = 0;
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        for (Part part : parts) {
            writeAscii(frame, "--" + boundary + "\r\n");
            writeUtf8(frame, "Content-Disposition: form-data; name=\"" + escape(part.name) + '"');
            if (part.fileName != null) {
                writeUtf8(frame, "; filename=\"" + escape(part.fileName) + '"');
            }
            frame.writeBytes(CRLF);
            if (part.fileName != null) {
                writeUtf8(frame, "Content-Type: " + part.content.contentType() + "\r\n");
            }
            frame.writeBytes(CRLF);
            if (part.fileName == null) {
                frame.writeBytes(part.content.bytesIfBuffered()); // a field's value goes inline with its headers
            } else {
                frames.add(frame.toByteArray());
                length = add(length, frame.size());
                length = add(length, part.content.contentLength());
                frame.reset();
            }
            frame.writeBytes(CRLF);
        }
        writeAscii(frame, "--" + boundary + "--\r\n");
        frames.add(frame.toByteArray());
        this.contentLength = add(length, frame.size());
    }

    public static Builder builder() {
        return new Builder();
    }

    public String boundary() {
        return boundary;
    }

    /** The fields and files in the order they are sent. */
    public List<Part> parts() {
        return parts;
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The exact length when every file part's length is known, else -1. */
    @Override
    public long contentLength() {
        return contentLength;
    }

    /** A fresh stream of the whole body; file parts are opened only when the stream reaches them. */
    @Override
    public InputStream open() {
        return new BodyStream();
    }

    public Builder toBuilder() {
        Builder b = new Builder().boundary(boundary);
        b.parts.addAll(parts);
        return b;
    }

    @Override
    public String toString() {
        return "MultipartBody{boundary=" + boundary + ", parts=" + parts + ", contentLength=" + contentLength + '}';
    }

    private static long add(long total, long length) {
        return total < 0 || length < 0 ? -1 : total + length;
    }

    private static String escape(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeUtf8(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomBoundary() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
        }
        return "groqj-" + new String(chars);
    }

    /** One field ({@link #fileName()} null) or file of the form. */
    public static final class Part {
        private final String name;
        private final String fileName;
        private final RequestBody content;

        private Part(String name, String fileName, RequestBody content) {
            this.name = name;
            this.fileName = fileName;
            this.content = content;
        }

        public String name() { return name; }
        /** The file name, or null for a plain field. */
        public String fileName() { return fileName; }
        /** The content; for a field, its UTF-8 value as {@code text/plain}. */
        public RequestBody content() { return content; }

        @Override
        public String toString() {
            return fileName == null ? name : name + "=" + fileName + " (" + content.contentType() + ", "
                    + content.contentLength() + " bytes)";
        }
    }

    public static final class Builder {
        private String boundary;
        private final List<Part> parts = new ArrayList<>();

        /** Sets the boundary, for reproducible bodies; by default each body gets a random one. */
        public Builder boundary(String boundary) {
            Objects.requireNonNull(boundary, "boundary == null");
            // RFC 2046: 1 to 70 characters; these are the ones that never need quoting in the header.
            if (!boundary.matches("[0-9A-Za-z'()+_,\\-./:=?]{1,70}")) {
                throw new IllegalArgumentException("boundary must be 1 to 70 token characters: " + boundary);
            }
            this.boundary = boundary;
            return this;
        }

        /** Adds a text field, sent as UTF-8. Add a name again for an array, e.g. {@code timestamp_granularities[]}. */
        public Builder addField(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            parts.add(new Part(name, null,
                    RequestBody.of(value.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8")));
            return this;
        }

        /**
         * Adds a file part: its {@code Content-Type} is {@code content.contentType()}, its bytes are read from
         * {@code content.open()} each time the body is sent.
         */
        public Builder addFile(String name, String fileName, RequestBody content) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(fileName, "fileName == null");
            Objects.requireNonNull(content, "content == null");
            parts.add(new Part(name, fileName, content));
            return this;
        }

        public MultipartBody build() {
            return new MultipartBody(this);
        }
    }

    /** Alternates the frames with the file contents, opening each file only when it is reached. */
    private final class BodyStream extends InputStream {
        private final List<Part> files = parts.stream().filter(p -> p.fileName != null).toList();
        private int index; // even: frames.get(index / 2); odd: files.get(index / 2)
        private InputStream current;
        private long currentRead;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) throw new IOException("stream closed");
            if (len == 0) return 0;
            while (index < frames.size() + files.size()) {
                int n;
                try {
                    n = readCurrent(b, off, len);
                } catch (IOException | RuntimeException e) {
                    if (index % 2 == 0 || e instanceof FileSourceException) throw e;
                    // the caller's file failed, not the network: typed so it is neither retried nor counted
                    throw new FileSourceException("could not read file part '" + files.get(index / 2).fileName
                            + "': " + e.getMessage(), e);
                }
                if (n > 0) {
                    currentRead += n;
                    return n;
                }
                if (n == 0) continue; // a misbehaving source; read again rather than report end
                finishCurrent();
            }
            return -1;
        }

        /** Reads from the current part, opening it first if need be; -1 at its end. */
        private int readCurrent(byte[] b, int off, int len) throws IOException {
            if (current == null) {
                current = index % 2 == 0
                        ? new ByteArrayInputStream(frames.get(index / 2))
                        : files.get(index / 2).content.open();
                currentRead = 0;
            }
            int n = current.read(b, off, len);
            if (n < 0) checkLength();
            return n;
        }

        /** Checks a finished file part sent what its declared length promised. */
        private void checkLength() throws IOException {
            if (index % 2 == 0) return;
            Part file = files.get(index / 2);
            long declared = file.content.contentLength();
            if (declared >= 0 && declared != currentRead) {
                throw new IOException("declared " + declared + " bytes but its source gave " + currentRead
                        + "; did the file change while sending?");
            }
        }

        /** Closes the finished part and moves to the next. */
        private void finishCurrent() throws IOException {
            current.close();
            current = null;
            index++;
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            if (current != null) current.close();
        }
    }
}
