package dev.groqj.files;

import dev.groqj.error.ValidationException;
import dev.groqj.transport.FileSource;
import dev.groqj.internal.http.MultipartBody;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload to Groq: today a batch's input, a {@code .jsonl} file of at most 200 MB with
 * {@code purpose} "batch". The file is streamed from its source while the request is sent.
 *
 * <pre>{@code
 * FileObject f = client.files().upload(FileUploadRequest.of(Path.of("batch.jsonl")));
 * client.files().upload(FileUploadRequest.builder().file(jsonlBytes, "batch.jsonl").build());
 * }</pre>
 *
 * <p>{@link #builder()} checks before anything is sent: the file is set, named {@code *.jsonl} and within the size
 * limit, and the purpose is "batch", the only one Groq accepts for uploads.
 */
public final class FileUploadRequest {
    /** The purpose of a batch's input file. */
    public static final String PURPOSE_BATCH = "batch";
    /** Groq's limit for a batch input file: 200 MB (its batch guide; the API reference still says 100 MB). */
    public static final long MAX_BYTES = 200L * 1024 * 1024;

    private final FileSource file;
    private final String purpose;

    private FileUploadRequest(Builder b) {
        this.file = b.file;
        this.purpose = b.purpose;
        if (file == null) throw new ValidationException("file", "is required");
        if (!file.extension().equals("jsonl")) {
            throw new ValidationException("file", "'" + file.fileName() + "' must be a .jsonl file; Groq's Batch API"
                    + " takes JSON Lines only");
        }
        if (file.size() > MAX_BYTES) {
            throw new ValidationException("file", "'" + file.fileName() + "' is " + file.size()
                    + " bytes, over the 200 MB (" + MAX_BYTES + " bytes) Groq accepts; split it into several batches");
        }
        if (!PURPOSE_BATCH.equals(purpose)) {
            throw new ValidationException("purpose", "must be \"batch\", was \"" + purpose + "\"");
        }
    }

    /** Uploads the file at {@code path} as a batch input. */
    public static FileUploadRequest of(Path path) {
        return builder().file(path).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public FileSource file() {
        return file;
    }

    public String purpose() {
        return purpose;
    }

    /** Groq's form: {@code purpose}, then the {@code file}. */
    MultipartBody toMultipartBody() {
        return MultipartBody.builder()
                .addField("purpose", purpose)
                .addFile("file", file.fileName(), file.toRequestBody("application/octet-stream"))
                .build();
    }

    @Override
    public String toString() {
        return "FileUploadRequest{file=" + file + ", purpose=" + purpose + '}';
    }

    public static final class Builder {
        private FileSource file;
        private String purpose = PURPOSE_BATCH;

        private Builder() {
        }

        private Builder(FileUploadRequest request) {
            this.file = request.file;
            this.purpose = request.purpose;
        }

        /** The file to upload; see {@link FileSource} for paths, bytes, suppliers and one-shot streams. */
        public Builder file(FileSource file) {
            this.file = Objects.requireNonNull(file, "file == null");
            return this;
        }

        /** Uploads the file at {@code path}, read while sending. */
        public Builder file(Path path) {
            return file(FileSource.of(path));
        }

        /** Uploads {@code bytes} as a file named {@code fileName} (which must end in {@code .jsonl}). */
        public Builder file(byte[] bytes, String fileName) {
            return file(FileSource.of(bytes, fileName));
        }

        /** "batch" by default, the only purpose Groq accepts for uploads. */
        public Builder purpose(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose == null");
            return this;
        }

        public FileUploadRequest build() {
            return new FileUploadRequest(this);
        }
    }
}
