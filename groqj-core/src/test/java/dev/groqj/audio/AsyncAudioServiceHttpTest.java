package dev.groqj.audio;

import dev.groqj.Fixtures;
import dev.groqj.error.BadRequestException;
import dev.groqj.transport.MultipartReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The async audio service against the same loopback server as the blocking one. */
class AsyncAudioServiceHttpTest {
    private LoopbackServer server;
    private AsyncAudioService audio;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        audio = new AsyncAudioService(server.apiClient());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asyncTranscribeUploadsTheFileAndReadsTheAnswer() throws Exception {
        byte[] wav = Wav.bytes(20_000);
        server.answer(200, "application/json", Fixtures.bytes("recorded/vercel-ai/groq-transcription.json"));

        Transcription t = audio.transcribe(TranscriptionRequest.builder().file(wav, "a.wav")
                .model("whisper-large-v3").responseFormat(TranscriptionFormat.JSON).build()).get(10, TimeUnit.SECONDS);

        assertThat(t.text()).isEqualTo(" Hello from the Versal AISDK.");
        LoopbackServer.Received r = server.take();
        assertThat(r.path()).isEqualTo("/openai/v1/audio/transcriptions");
        assertThat(MultipartReader.parse(r.body(), r.header("Content-Type")).get(2).body()).isEqualTo(wav);
    }

    @Test
    void asyncTranslateGoesToTranslations() throws Exception {
        server.answer(200, "application/json", "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
        Transcription t = audio.translate(TranslationRequest.builder().file(Wav.bytes(100), "a.wav").model("m").build())
                .get(10, TimeUnit.SECONDS);
        assertThat(t.text()).isEqualTo("hello");
        assertThat(server.take().path()).isEqualTo("/openai/v1/audio/translations");
    }

    @Test
    void asyncSpeechReturnsTheAudioAndAsksForAudio() throws Exception {
        byte[] wav = Wav.bytes(4_000);
        server.answer(200, "audio/wav", wav);
        byte[] got = audio.speech(SpeechRequest.builder().model("playai-tts").voice("Fritz-PlayAI").input("Hi").build())
                .get(10, TimeUnit.SECONDS);
        assertThat(got).isEqualTo(wav);
        assertThat(server.take().header("Accept")).isEqualTo("audio/*");
    }

    @Test
    void asyncErrorAnswerFailsTheFutureWithTheMappedException() {
        server.answer(400, "application/json", "{\"error\":{\"message\":\"bad file\",\"param\":\"file\"}}"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> audio.transcribe(TranscriptionRequest.builder().file(Wav.bytes(100), "a.wav")
                .model("m").build()).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).isEqualTo("file"));
    }
}
