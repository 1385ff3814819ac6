package dev.groqj.audio;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.check.Checks;
import dev.groqj.internal.http.MultipartBody;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What transcription and translation requests share: the audio (a file or a URL), model, prompt, format,
 * temperature and progress listener, their checks, and their multipart form. Not API: the public types are
 * {@link TranscriptionRequest} and {@link TranslationRequest}.
 */
abstract class AudioRequest {
    /** Groq's limit for a file sent in the request; larger audio goes by {@code url}. */
    static final long MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

    private final AudioFile file;
    private final String url;
    private final String model;
    private final String prompt;
    private final TranscriptionFormat responseFormat;
    private final Double temperature;
    private final ProgressListener progressListener;

    AudioRequest(Builder<?> b) {
        this.file = b.file;
        this.url = b.url;
        this.model = b.model;
        this.prompt = b.prompt;
        this.responseFormat = b.responseFormat;
        this.temperature = b.temperature;
        this.progressListener = b.progressListener;
        if (file != null && url != null) {
            throw new ValidationException("file", "set either file or url, not both");
        }
        if (file == null && url == null) {
            throw new ValidationException("file", "is required, or a url to the audio instead");
        }
        if (model == null || model.isBlank()) {
            throw new ValidationException("model", "is required, e.g. " + TranscriptionRequest.WHISPER_LARGE_V3_TURBO);
        }
        if (file != null) checkFile(file);
        Checks.between("temperature", temperature, 0, 1);
    }

    private static void checkFile(AudioFile file) {
        if (!file.hasAcceptedFormat()) {
            throw new ValidationException("file", "'" + file.fileName()
                    + "' does not end in an extension Groq accepts ("
                    + AudioFile.acceptedExtensions() + "); rename it or give its type with AudioFile.withContentType");
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            throw new ValidationException("file", "'" + file.fileName() + "' is " + file.size()
                    + " bytes, over the 25 MB (" + MAX_UPLOAD_BYTES + " bytes) a direct upload may have;"
                    + " use url(...) with the audio's address instead");
        }
    }

    /** The audio to upload, or null when {@link #url()} is set. */
    public AudioFile file() { return file; }
    /** The address Groq fetches the audio from, or null when {@link #file()} is set. */
    public String url() { return url; }
    public String model() { return model; }
    /** Text to guide the style or spelling, or null. */
    public String prompt() { return prompt; }
    /** The format asked for, or null for Groq's default ({@code json}). */
    public TranscriptionFormat responseFormat() { return responseFormat; }
    /** The sampling temperature, or null for Groq's default (0). */
    public Double temperature() { return temperature; }
    /** The listener of upload progress, or null. */
    public ProgressListener progressListener() { return progressListener; }

    /** The request as Groq's form: set fields only, the file last so a server can check the fields first. */
    final MultipartBody toMultipartBody() {
        MultipartBody.Builder form = MultipartBody.builder().addField("model", model);
        if (prompt != null) form.addField("prompt", prompt);
        if (responseFormat != null) form.addField("response_format", responseFormat.wireName());
        if (temperature != null) form.addField("temperature", BigDecimal.valueOf(temperature).toPlainString());
        addOwnFields(form);
        if (file != null) {
            form.addFile("file", file.fileName(), file.toRequestBody());
        } else {
            form.addField("url", url);
        }
        return form.build();
    }

    /** Adds the fields only the subclass has. */
    abstract void addOwnFields(MultipartBody.Builder form);

    /** The fields for {@code toString}, without the listener. */
    final String describe() {
        return (file != null ? "file=" + file : "url=" + url) + ", model=" + model
                + (prompt == null ? "" : ", prompt=" + prompt)
                + (responseFormat == null ? "" : ", responseFormat=" + responseFormat.wireName())
                + (temperature == null ? "" : ", temperature=" + temperature);
    }

    /** Shared builder methods; {@code B} is the concrete builder, so calls chain. */
    abstract static class Builder<B extends Builder<B>> {
        private AudioFile file;
        private String url;
        private String model;
        private String prompt;
        private TranscriptionFormat responseFormat;
        private Double temperature;
        private ProgressListener progressListener;

        Builder() {
        }

        Builder(AudioRequest request) {
            this.file = request.file;
            this.url = request.url;
            this.model = request.model;
            this.prompt = request.prompt;
            this.responseFormat = request.responseFormat;
            this.temperature = request.temperature;
            this.progressListener = request.progressListener;
        }

        abstract B self();

        /** The audio to upload (at most 25 MB); null clears it. Set this or {@link #url}, not both. */
        public B file(AudioFile file) {
            this.file = file;
            return self();
        }

        /** Uploads the file at {@code path}, read while sending. */
        public B file(Path path) {
            return file(AudioFile.of(path));
        }

        /** Uploads {@code bytes} as a file named {@code fileName}; the extension tells Groq the format. */
        public B file(byte[] bytes, String fileName) {
            return file(AudioFile.of(bytes, fileName));
        }

        /** An address Groq fetches the audio from, for audio over 25 MB or already hosted; null clears it. */
        public B url(String url) {
            this.url = url;
            return self();
        }

        /** Required; any model id, e.g. {@link TranscriptionRequest#WHISPER_LARGE_V3}. */
        public B model(String model) {
            this.model = Objects.requireNonNull(model, "model == null");
            return self();
        }

        public B prompt(String prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt == null");
            return self();
        }

        public B responseFormat(TranscriptionFormat responseFormat) {
            this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat == null");
            return self();
        }

        /** Between 0 and 1. */
        public B temperature(double temperature) {
            this.temperature = temperature;
            return self();
        }

        /** Hears the upload's progress; null removes it. */
        public B progressListener(ProgressListener progressListener) {
            this.progressListener = progressListener;
            return self();
        }
    }
}
