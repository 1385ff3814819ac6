package dev.groqj.audio;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.http.MultipartBody;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A request to transcribe audio in its own language ({@code POST /audio/transcriptions}).
 *
 * <pre>{@code
 * TranscriptionRequest request = TranscriptionRequest.builder()
 *         .file(Path.of("talk.wav"))
 *         .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO)
 *         .language("en")
 *         .responseFormat(TranscriptionFormat.VERBOSE_JSON)
 *         .timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)
 *         .build();
 * }</pre>
 *
 * <p>{@code build()} checks everything Groq would refuse, naming the parameter in a
 * {@link ValidationException}: exactly one of file and url; a model; a file extension Groq accepts (flac, mp3,
 * mp4, mpeg, mpga, m4a, ogg, opus, wav, webm) unless a content type is given; at most 25 MB uploaded; temperature
 * in 0..1; an ISO-639-1 language; timestamp granularities only with {@code verbose_json}.
 */
public final class TranscriptionRequest extends AudioRequest {
    public static final String WHISPER_LARGE_V3 = "whisper-large-v3";
    public static final String WHISPER_LARGE_V3_TURBO = "whisper-large-v3-turbo";

    private final String language;
    private final List<TimestampGranularity> timestampGranularities;

    private TranscriptionRequest(Builder b) {
        super(b);
        this.language = b.language;
        this.timestampGranularities = List.copyOf(b.timestampGranularities);
        // ISO-639-1 is two letters; Groq also takes a few three-letter codes (haw, yue).
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw new ValidationException("language",
                    "must be an ISO-639-1 code such as \"en\", was \"" + language + '"');
        }
        if (!timestampGranularities.isEmpty() && responseFormat() != TranscriptionFormat.VERBOSE_JSON) {
            throw new ValidationException("timestamp_granularities", "need response_format verbose_json, was "
                    + (responseFormat() == null ? "the default (json)" : responseFormat().wireName()));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The audio's language as an ISO-639-1 code, or null to let the model detect it. */
    public String language() {
        return language;
    }

    /** The granularities asked for, empty for Groq's default (segments). */
    public List<TimestampGranularity> timestampGranularities() {
        return timestampGranularities;
    }

    @Override
    void addOwnFields(MultipartBody.Builder form) {
        if (language != null) form.addField("language", language);
        // Groq reads an array from repeated fields named with brackets, as OpenAI's SDKs send it.
        timestampGranularities.forEach(g -> form.addField("timestamp_granularities[]", g.wireName()));
    }

    @Override
    public String toString() {
        return "TranscriptionRequest{" + describe()
                + (language == null ? "" : ", language=" + language)
                + (timestampGranularities.isEmpty() ? "" : ", timestampGranularities=" + timestampGranularities) + '}';
    }

    public static final class Builder extends AudioRequest.Builder<Builder> {
        private String language;
        private final LinkedHashSet<TimestampGranularity> timestampGranularities = new LinkedHashSet<>();

        private Builder() {
        }

        private Builder(TranscriptionRequest request) {
            super(request);
            this.language = request.language;
            this.timestampGranularities.addAll(request.timestampGranularities);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The audio's language as an ISO-639-1 code (e.g. {@code en}); improves accuracy and latency. */
        public Builder language(String language) {
            this.language = Objects.requireNonNull(language, "language == null");
            return this;
        }

        /** Replaces the granularities; needs {@link TranscriptionFormat#VERBOSE_JSON}. None sends Groq's default. */
        public Builder timestampGranularities(TimestampGranularity... granularities) {
            timestampGranularities.clear();
            for (TimestampGranularity g : granularities) {
                timestampGranularities.add(Objects.requireNonNull(g, "granularity == null"));
            }
            return this;
        }

        public TranscriptionRequest build() {
            return new TranscriptionRequest(this);
        }
    }
}
