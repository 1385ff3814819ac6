package dev.groqj.audio;

import dev.groqj.internal.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Groq's own segment fields are typed, and an odd {@code duration} never fails a whole transcription. */
class TranscriptionFidelityTest {
    @Test
    void segmentsCarryGroqsChunkFields() {
        Transcription t = Json.read("{\"text\":\"hi\",\"duration\":1.5,\"segments\":[{\"id\":0,\"seek\":0,\"start\":0,"
                + "\"end\":1.5,\"text\":\"hi\",\"tokens\":[1],\"temperature\":0,\"avg_logprob\":-0.1,"
                + "\"compression_ratio\":1,\"no_speech_prob\":0.01,\"audio_text\":\"hi there\",\"token_scores\":[0.5,0.25],"
                + "\"chunk_start\":0,\"chunk_end\":3000,\"later\":true}]}", Transcription.class);

        Segment s = t.segments().get(0);
        assertThat(s.audioText()).isEqualTo("hi there");
        assertThat(s.tokenScores()).containsExactly(0.5, 0.25);
        assertThat(s.chunkStart()).isZero();
        assertThat(s.chunkEnd()).isEqualTo(3000L);
        assertThat(s.additionalProperties()).containsOnlyKeys("later");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5|12.5", "'\"12.5\"'|12.5", "'\"01:02.5\"'|62.5", "'\"1:00:01\"'|3601.0", "'\"1m2.5s\"'|62.5",
            "'\"about a minute\"'|", "'{\"s\":1}'|", "null|"})
    void durationReadsAsSecondsOrNullButNeverFails(String json, Double seconds) {
        Transcription t = Json.read("{\"text\":\"hi\",\"duration\":" + json + ",\"language\":\"en\"}", Transcription.class);

        assertThat(t.duration()).isEqualTo(seconds);
        assertThat(t.text()).isEqualTo("hi");
        assertThat(t.language()).isEqualTo("en");
    }
}
