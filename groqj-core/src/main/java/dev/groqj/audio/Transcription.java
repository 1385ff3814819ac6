package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
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
 * }</pre>
 *
 * <p>Fields Groq did not send are null. Fields groqj does not know are kept in {@link #additionalProperties()}.
 */
public final class Transcription extends WireObject {
    @JsonProperty("text")
    private String text;
    @JsonProperty("task")
    private String task;
    @JsonProperty("language")
    private String language;
    @JsonProperty("duration")
    private Double duration;
    @JsonProperty("words")
    private List<Word> words;
    @JsonProperty("segments")
    private List<Segment> segments;
    @JsonProperty("x_groq")
    private Map<String, Object> xGroq;

    private Transcription() {
    }

    /** The answer to a {@code text} response format: nothing but the text. */
    static Transcription ofText(String text) {
        Transcription t = new Transcription();
        t.text = text;
        return t;
    }

    public String text() {
        return text;
    }

    /** {@code transcribe} or {@code translate} (verbose_json), else null. */
    public String task() {
        return task;
    }

    /** The language detected or given, as Groq names it (e.g. {@code English}), or null. */
    public String language() {
        return language;
    }

    /** The audio's length in seconds, or null. */
    public Double duration() {
        return duration;
    }

    /** Word timestamps ({@link TimestampGranularity#WORD}), or null when not returned. */
    public List<Word> words() {
        return words == null ? null : Collections.unmodifiableList(words);
    }

    /** Segments ({@link TimestampGranularity#SEGMENT}), or null when not returned. */
    public List<Segment> segments() {
        return segments == null ? null : Collections.unmodifiableList(segments);
    }

    /** Groq's {@code x_groq} object (holds the request {@code id}), or null. */
    public Map<String, Object> xGroq() {
        return xGroq == null ? null : Collections.unmodifiableMap(xGroq);
    }

    /** {@code x_groq.id}: Groq's id of this request, or null. */
    public String requestId() {
        return xGroq != null && xGroq.get("id") instanceof String id ? id : null;
    }

    @Override
    public String toString() {
        return "Transcription{text=" + text + (language == null ? "" : ", language=" + language)
                + (duration == null ? "" : ", duration=" + duration)
                + (words == null ? "" : ", words=" + words.size())
                + (segments == null ? "" : ", segments=" + segments.size()) + '}';
    }
}
