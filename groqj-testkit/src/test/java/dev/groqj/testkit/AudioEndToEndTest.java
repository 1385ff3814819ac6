package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.audio.SpeechFormat;
import dev.groqj.audio.SpeechRequest;
import dev.groqj.audio.TimestampGranularity;
import dev.groqj.audio.Transcription;
import dev.groqj.audio.TranscriptionFormat;
import dev.groqj.audio.TranscriptionRequest;
import dev.groqj.audio.TranslationRequest;
import dev.groqj.audio.Word;
import dev.groqj.error.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code client.audio()} against the fake Groq: speech written to disk transcribes back to its input. */
class AudioEndToEndTest {
    @RegisterExtension
    static final FakeGroqServerExtension GROQ = new FakeGroqServerExtension();

    private static GroqClient client(FakeGroqServer groq) {
        return GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey()).maxRetries(0).build();
    }

    @Test
    void speechToDiskThenTranscriptionRoundTripsTheText(FakeGroqServer groq, @TempDir Path dir) throws IOException {
        GroqClient client = client(groq);
        Path wav = dir.resolve("hello.wav");

        long written = client.audio().speech(SpeechRequest.builder().model("playai-tts").voice("Fritz-PlayAI")
                .input("one two three four").responseFormat(SpeechFormat.WAV).sampleRate(16000).build(), wav);

        byte[] bytes = Files.readAllBytes(wav);
        assertThat(written).isEqualTo(bytes.length);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(bytes.length - 8);
        assertThat(new String(bytes, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(header.getInt(24)).isEqualTo(16000);

        Transcription t = client.audio().transcribe(TranscriptionRequest.builder()
                .file(wav)
                .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO)
                .language("en")
                .responseFormat(TranscriptionFormat.VERBOSE_JSON)
                .timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)
                .build());

        assertThat(t.text()).isEqualTo(" one two three four");
        assertThat(t.task()).isEqualTo("transcribe");
        assertThat(t.duration()).isPositive();
        assertThat(t.words()).extracting(Word::word).containsExactly("one", "two", "three", "four");
        assertThat(t.segments()).hasSize(1);
        assertThat(t.xGroq().id()).startsWith("req_");
        RecordedRequest speech = groq.takeRequest();
        RecordedRequest upload = groq.takeRequest();
        assertThat(speech.path()).endsWith("/audio/speech");
        assertThat(upload.path()).endsWith("/audio/transcriptions");
    }

    @Test
    void textFormatAndTranslationComeBackAsText(FakeGroqServer groq) {
        GroqClient client = client(groq);
        byte[] audio = new byte[32_000];

        Transcription text = client.audio().transcribe(TranscriptionRequest.builder().file(audio, "talk.mp3")
                .model(TranscriptionRequest.WHISPER_LARGE_V3).responseFormat(TranscriptionFormat.TEXT).build());
        Transcription english = client.audio().translate(TranslationRequest.builder().file(audio, "talk.ogg")
                .model(TranslationRequest.WHISPER_LARGE_V3).build());

        assertThat(text.text()).isEqualTo(" " + FakeAudio.DEFAULT_TEXT);
        assertThat(english.text()).isEqualTo(" " + FakeAudio.DEFAULT_TEXT);
    }

    @Test
    void groqsRefusalArrivesAsTheMappedException(FakeGroqServer groq) {
        GroqClient client = client(groq);

        assertThatThrownBy(() -> client.audio().translate(TranslationRequest.builder().file(new byte[4], "a.wav")
                .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).isEqualTo("model"));
    }
}
