package dev.groqj.audio;

/**
 * The {@code response_format} of a transcription or translation.
 *
 * <pre>{@code
 * TranscriptionRequest.builder()...responseFormat(TranscriptionFormat.VERBOSE_JSON)
 * }</pre>
 */
public enum TranscriptionFormat {
    /** {@code {"text": ...}}: the default. */
    JSON("json"),
    /** The plain text, read into {@link Transcription#text()}. */
    TEXT("text"),
    /** Text with language, duration, and words or segments as asked by the timestamp granularities. */
    VERBOSE_JSON("verbose_json");

    private final String wireName;

    TranscriptionFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The value sent, e.g. {@code verbose_json}. */
    public String wireName() {
        return wireName;
    }
}
