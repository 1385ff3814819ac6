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
 * <p>Groq's own fields are null when absent: {@code audio_text} (the text of the whole chunk the segment is in),
 * {@code token_scores}, {@code chunk_start} and {@code chunk_end}. Fields this type does not know are in
 * {@code additionalProperties()}.
 *
 * @param seek             seek offset of the segment
 * @param tokens           the token ids of the text; empty when not returned
 * @param temperature      the temperature the segment was decoded at
 * @param avgLogprob       average log probability; below -1 the decoding likely failed
 * @param compressionRatio above 2.4 the text is likely repetitive
 * @param noSpeechProb     the probability that the segment holds no speech
 * @param audioText        the transcribed text of the whole chunk, or null
 * @param tokenScores      token-level scores, or null
 * @param chunkStart       the chunk's start timestamp, or null
 * @param chunkEnd         the chunk's end timestamp, or null
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
        @JsonProperty("audio_text") String audioText,
        @JsonProperty("token_scores") List<Double> tokenScores,
        @JsonProperty("chunk_start") Long chunkStart,
        @JsonProperty("chunk_end") Long chunkEnd,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Segment {
        tokens = tokens == null ? List.of() : AudioValues.listOrNull(tokens);
        tokenScores = AudioValues.listOrNull(tokenScores);
        additionalProperties = AudioValues.unknown(additionalProperties);
    }
}
