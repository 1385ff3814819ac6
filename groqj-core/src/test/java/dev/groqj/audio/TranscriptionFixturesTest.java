package dev.groqj.audio;

import dev.groqj.Fixtures;
import dev.groqj.internal.Json;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Groq's recorded transcription answers (fixtures/recorded/vercel-ai) parse with their words and durations. */
class TranscriptionFixturesTest {
    private static final String DIR = "recorded/vercel-ai/";

    @Test
    void jsonTranscriptionHasTextAndRequestId() {
        Transcription t = parse("groq-transcription.json");

        assertThat(t.text()).isEqualTo(" Hello from the Versal AISDK.");
        assertThat(t.requestId()).isEqualTo("req_01kha51bpcezj8q824a6zfchr1");
        assertThat(t.words()).isNull();
        assertThat(t.segments()).isNull();
        assertThat(t.duration()).isNull();
    }

    @Test
    void verboseTranscriptionHasWordsDurationAndNullSegments() {
        Transcription t = parse("groq-transcription-word-timestamps.json");

        assertThat(t.task()).isEqualTo("transcribe");
        assertThat(t.language()).isEqualTo("English");
        assertThat(t.duration()).isEqualTo(2.507750144);
        assertThat(t.segments()).isNull();
        assertThat(t.words()).extracting(Word::word).containsExactly("Hello", "from", "the", "Versal", "AISDK.");
        assertThat(t.words().get(4).start()).isEqualTo(1.06);
        assertThat(t.words().get(4).end()).isEqualTo(2.48);
        assertThat(t.xGroq().id()).isEqualTo("req_01kys82trmfgz89arrsm37hg1s");
        assertThat(t.additionalProperties()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "other-versions/groq-transcription-word-timestamps.53cee49.json, 36.71",
            "other-versions/groq-transcription-word-timestamps.45c4fc8.json, 36.712501248"})
    void longerVerboseTranscriptionsParseEveryWord(String file, double duration) {
        Transcription t = parse(file);

        assertThat(t.duration()).isEqualTo(duration);
        assertThat(t.words()).hasSize(83);
        assertThat(t.words().get(0)).extracting(Word::word, Word::start, Word::end)
                .containsExactly("Galileo", 0.1, 0.68);
        assertThat(t.words().get(82).word()).isEqualTo("Jupiter.");
        assertThat(t.words().get(82).end()).isCloseTo(35.64, within(1e-9));
        assertThat(t.text()).startsWith(" Galileo was an American robotic space program");
    }

    @ParameterizedTest
    @CsvSource({
            "groq-transcription-text.json, /headers/content-type, /body, ' Hello from the Versal AISDK.'",
            "other-versions/groq-transcription-text.69cd4aa.json, /contentType, /body, ' Galileo was an American'",
            "other-versions/groq-transcription-text.0a13609.json, /response/contentType, /response/body, ' Galileo'"})
    void textResponsesAreReadAsPlainText(String file, String typePointer, String bodyPointer, String start) {
        var wrapper = Json.tree(Fixtures.read(DIR + file));
        String contentType = wrapper.at(typePointer).asText();
        String body = wrapper.at(bodyPointer).asText();

        Transcription t = AudioService.read(new HttpResponse(200, Headers.ofPairs("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8)), TranscriptionFormat.TEXT);

        assertThat(contentType).startsWith("text/plain");
        assertThat(t.text()).isEqualTo(body).startsWith(start);
        assertThat(t.words()).isNull();
        assertThat(t.language()).isNull();
    }

    @Test
    void segmentsAndUnknownFieldsAreKept() {
        Transcription t = Json.read("{\"text\":\"hi\",\"future\":{\"a\":1},\"segments\":[{\"id\":0,\"seek\":0,"
                + "\"start\":0.0,\"end\":1.5,\"text\":\" hi\",\"tokens\":[50364,2421],\"temperature\":0.0,"
                + "\"avg_logprob\":-0.25,\"compression_ratio\":0.6,\"no_speech_prob\":0.01,\"audio_text\":\"hi\"}]}",
                Transcription.class);

        Segment s = t.segments().get(0);
        assertThat(s).extracting(Segment::id, Segment::seek, Segment::start, Segment::end, Segment::text,
                Segment::tokens, Segment::temperature, Segment::avgLogprob, Segment::compressionRatio,
                Segment::noSpeechProb)
                .containsExactly(0, 0, 0.0, 1.5, " hi", java.util.List.of(50364, 2421), 0.0, -0.25, 0.6, 0.01);
        assertThat(s.audioText()).isEqualTo("hi");
        assertThat(t.additionalProperties()).containsKey("future");
        assertThat(Json.tree(Json.writeString(t)).at("/future/a").asInt()).isEqualTo(1);
    }

    private static Transcription parse(String file) {
        return Json.read(Fixtures.bytes(DIR + file), Transcription.class);
    }
}
