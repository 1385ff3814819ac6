package dev.groqj.batches;

import dev.groqj.chat.ChatRequest;
import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import dev.groqj.files.FileUploadRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A batch's input file, built from requests: one JSON line per {@link BatchLine}, custom ids unique.
 *
 * <pre>{@code
 * BatchInput input = BatchInput.builder()
 *         .addChat("q-1", request1)
 *         .addChat("q-2", request2)
 *         .build();
 * FileObject file = client.files().upload(input.toUploadRequest("questions.jsonl"));
 * }</pre>
 */
public final class BatchInput {
    private final List<BatchLine> lines;

    private BatchInput(List<BatchLine> lines) {
        this.lines = List.copyOf(lines);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<BatchLine> lines() {
        return lines;
    }

    /** The JSONL content, each line ending in {@code \n}. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return out.toByteArray();
    }

    /** Writes the JSONL content to {@code out}; does not close it. */
    public void writeTo(OutputStream out) throws IOException {
        for (BatchLine line : lines) {
            out.write(line.toJson().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    /** Writes the JSONL content to {@code file}, replacing it. */
    public void writeTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        } catch (IOException e) {
            throw new GroqException("cannot write the batch input to " + file + ": " + e, e);
        }
    }

    /** An upload of this content as {@code fileName} (which must end in {@code .jsonl}), from memory. */
    public FileUploadRequest toUploadRequest(String fileName) {
        return FileUploadRequest.builder().file(toBytes(), fileName).build();
    }

    public static final class Builder {
        private final List<BatchLine> lines = new ArrayList<>();

        private Builder() {
        }

        public Builder add(BatchLine line) {
            lines.add(Objects.requireNonNull(line, "line == null"));
            return this;
        }

        /** Adds {@link BatchLine#chat(String, ChatRequest)}. */
        public Builder addChat(String customId, ChatRequest request) {
            return add(BatchLine.chat(customId, request));
        }

        /** Checks there is at least one line and no custom id is used twice. */
        public BatchInput build() {
            if (lines.isEmpty()) throw new ValidationException("input", "a batch needs at least one request");
            Set<String> seen = new HashSet<>();
            for (BatchLine line : lines) {
                if (!seen.add(line.customId())) {
                    throw new ValidationException("custom_id", "'" + line.customId() + "' is used twice; each"
                            + " request needs its own id to find its result");
                }
            }
            return new BatchInput(lines);
        }
    }
}
