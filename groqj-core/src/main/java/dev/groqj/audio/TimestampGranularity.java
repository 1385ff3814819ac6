package dev.groqj.audio;

/**
 * What a {@link TranscriptionFormat#VERBOSE_JSON verbose} transcription timestamps: words, segments, or both.
 *
 * <pre>{@code
 * builder.responseFormat(TranscriptionFormat.VERBOSE_JSON).timestampGranularities(TimestampGranularity.WORD)
 * }</pre>
 */
public enum TimestampGranularity {
    /** {@link Transcription#words()}; adds latency. */
    WORD("word"),
    /** {@link Transcription#segments()}; Groq's default. */
    SEGMENT("segment");

    private final String wireName;

    TimestampGranularity(String wireName) {
        this.wireName = wireName;
    }

    /** The value sent, e.g. {@code word}. */
    public String wireName() {
        return wireName;
    }
}
