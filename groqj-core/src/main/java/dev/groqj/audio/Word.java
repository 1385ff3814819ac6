package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonProperty;


/**
 * One word of a {@link Transcription} with its time in the audio, in seconds.
 *
 * <pre>{@code
 * transcription.words().get(0).start(); // 0.2
 * }</pre>
 */
public final class Word extends WireObject {
    @JsonProperty("word")
    private String word;
    @JsonProperty("start")
    private double start;
    @JsonProperty("end")
    private double end;

    private Word() {
    }

    /** The word as written, with any punctuation that follows it. */
    public String word() {
        return word;
    }

    public double start() {
        return start;
    }

    public double end() {
        return end;
    }

    @Override
    public String toString() {
        return word + " [" + start + "-" + end + "]";
    }
}
