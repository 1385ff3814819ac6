package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.groqj.JsonValue;
import dev.groqj.XGroq;

import java.util.List;
import java.util.Map;

/**
 * What Groq made of the audio: the text, and with {@link TranscriptionFormat#VERBOSE_JSON} the language,
 * duration, and the words or segments asked for. A {@link TranscriptionFormat#TEXT text} answer fills only
 * {@link #text()}.
 *
 * <pre>{@code
 * Transcription t = client.audio().transcribe(request);
 * t.text();
 * for (Word w : t.words()) System.out.printf("%.2f-%.2f %s%n", w.start(), w.end(), w.word());
 * t.xGroq().id();   // "req_..."
 * }</pre>
 *
 * <p>Fields Groq did not send are null, {@link #words()} and {@link #segments()} included. {@code duration} is a
 * number on the wire (the OpenAPI spec says string): numbers, numeric strings, {@code mm:ss} and Go durations
 * ({@code "1m2s"}) all read as seconds, and any other value as null, never failing the whole answer. Fields this type does not know are kept in
 * {@code additionalProperties()}, here and in {@link Word} and {@link Segment}.
 *
 * @param task     {@code transcribe} or {@code translate} (verbose_json), else null
 * @param language the language detected or given, as Groq names it (e.g. {@code English}), or null
 * @param duration the audio's length in seconds, or null
 * @param words    word timestamps ({@link TimestampGranularity#WORD}), or null when not returned
 * @param segments segments ({@link TimestampGranularity#SEGMENT}), or null when not returned
 */
public record Transcription(
        String text,
        String task,
        String language,
        @JsonDeserialize(using = AudioValues.LenientSeconds.class) Double duration,
        List<Word> words,
        List<Segment> segments,
        @JsonProperty("x_groq") XGroq xGroq,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Transcription {
        words = AudioValues.listOrNull(words);
        segments = AudioValues.listOrNull(segments);
        additionalProperties = AudioValues.unknown(additionalProperties);
    }

    /** The answer to a {@code text} response format: nothing but the text. */
    static Transcription ofText(String text) {
        return new Transcription(text, null, null, null, null, null, null, null);
    }

    /** {@code x_groq.id}, Groq's id of this request, or null. */
    public String requestId() {
        return xGroq == null ? null : xGroq.id();
    }
}
