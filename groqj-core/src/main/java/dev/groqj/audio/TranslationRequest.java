package dev.groqj.audio;

import dev.groqj.internal.http.MultipartBody;

/**
 * A request to translate audio into English text ({@code POST /audio/translations}).
 *
 * <pre>{@code
 * TranslationRequest request = TranslationRequest.builder()
 *         .file(Path.of("interview-fr.mp3"))
 *         .model(TranslationRequest.WHISPER_LARGE_V3)
 *         .prompt("An interview about astronomy.")
 *         .build();
 * }</pre>
 *
 * <p>The output is always English, so there is no language to set; Groq's API has no timestamp granularities
 * for translations either. {@code build()} checks what {@link TranscriptionRequest} checks of the same fields.
 */
public final class TranslationRequest extends AudioRequest {
    /** The model that translates; {@code whisper-large-v3-turbo} transcribes only. */
    public static final String WHISPER_LARGE_V3 = TranscriptionRequest.WHISPER_LARGE_V3;

    private TranslationRequest(Builder b) {
        super(b);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    void addOwnFields(MultipartBody.Builder form) {
        // nothing beyond the shared fields
    }

    @Override
    public String toString() {
        return "TranslationRequest{" + describe() + '}';
    }

    public static final class Builder extends AudioRequest.Builder<Builder> {
        private Builder() {
        }

        private Builder(TranslationRequest request) {
            super(request);
        }

        @Override
        Builder self() {
            return this;
        }

        public TranslationRequest build() {
            return new TranslationRequest(this);
        }
    }
}
