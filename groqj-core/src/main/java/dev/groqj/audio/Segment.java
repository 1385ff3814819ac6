package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * A stretch of a {@link Transcription} with Whisper's measures of how sure it is. Times are in seconds.
 *
 * <pre>{@code
 * for (Segment s : transcription.segments()) {
 *     if (s.noSpeechProb() > 0.5 && s.avgLogprob() < -1) continue; // likely silence
 *     System.out.println(s.start() + " " + s.text());
 * }
 * }</pre>
 *
 * <p>Fields Groq adds beyond these ({@code audio_text}, {@code token_scores}, {@code chunk_start}, ...) are in
 * {@code additionalProperties()}.
 *
 * @param seek             seek offset of the segment
 * @param tokens           the token ids of the text; empty when not returned
 * @param temperature      the temperature the segment was decoded at
 * @param avgLogprob       average log probability; below -1 the decoding likely failed
 * @param compressionRatio above 2.4 the text is likely repetitive
 * @param noSpeechProb     the probability that the segment holds no speech
 */
public record Segment(
        int id,
        int seek,
        double start,
        double end,
        String text,
        List<Integer> tokens,
        double temperature,
        @JsonProperty("avg_logprob") double avgLogprob,
        @JsonProperty("compression_ratio") double compressionRatio,
        @JsonProperty("no_speech_prob") double noSpeechProb,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Segment {
        tokens = tokens == null ? List.of() : AudioValues.listOrNull(tokens);
        additionalProperties = AudioValues.unknown(additionalProperties);
    }
}
