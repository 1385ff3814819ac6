package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.List;

/**
 * A stretch of a {@link Transcription} with Whisper's measures of how sure it is. Times are in seconds.
 *
 * <pre>{@code
 * for (Segment s : transcription.segments()) {
 *     if (s.noSpeechProb() > 0.5 && s.avgLogprob() < -1) continue; // likely silence
 *     System.out.println(s.start() + " " + s.text());
 * }
 * }</pre>
 */
public final class Segment extends WireObject {
    @JsonProperty("id")
    private int id;
    @JsonProperty("seek")
    private int seek;
    @JsonProperty("start")
    private double start;
    @JsonProperty("end")
    private double end;
    @JsonProperty("text")
    private String text;
    @JsonProperty("tokens")
    private List<Integer> tokens;
    @JsonProperty("temperature")
    private double temperature;
    @JsonProperty("avg_logprob")
    private double avgLogprob;
    @JsonProperty("compression_ratio")
    private double compressionRatio;
    @JsonProperty("no_speech_prob")
    private double noSpeechProb;

    private Segment() {
    }

    public int id() { return id; }
    /** Seek offset of the segment. */
    public int seek() { return seek; }
    public double start() { return start; }
    public double end() { return end; }
    public String text() { return text; }
    /** The token ids of the text; empty when not returned. */
    public List<Integer> tokens() { return tokens == null ? List.of() : Collections.unmodifiableList(tokens); }
    /** The temperature the segment was decoded at. */
    public double temperature() { return temperature; }
    /** Average log probability; below -1 the decoding likely failed. */
    public double avgLogprob() { return avgLogprob; }
    /** Above 2.4 the text is likely repetitive. */
    public double compressionRatio() { return compressionRatio; }
    /** The probability the segment holds no speech. */
    public double noSpeechProb() { return noSpeechProb; }

    @Override
    public String toString() {
        return "Segment{id=" + id + ", " + start + "-" + end + ", text=" + text + '}';
    }
}
