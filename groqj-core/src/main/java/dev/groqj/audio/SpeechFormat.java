package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code response_format} of generated speech; Groq's default is {@link #MP3}.
 *
 * <pre>{@code
 * SpeechRequest.builder()...responseFormat(SpeechFormat.WAV)
 * }</pre>
 */
public enum SpeechFormat {
    FLAC("flac"),
    MP3("mp3"),
    MULAW("mulaw"),
    OGG("ogg"),
    WAV("wav");

    private final String wireName;

    SpeechFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The value sent, e.g. {@code wav}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
