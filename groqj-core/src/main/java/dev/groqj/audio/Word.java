package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;

import java.util.Map;

/**
 * One word of a {@link Transcription} with its time in the audio, in seconds.
 *
 * <pre>{@code
 * transcription.words().get(0).start(); // 0.2
 * }</pre>
 *
 * @param word the word as written, with any punctuation that follows it
 */
public record Word(
        String word,
        double start,
        double end,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Word {
        additionalProperties = AudioValues.unknown(additionalProperties);
    }
}
