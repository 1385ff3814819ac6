package dev.groqj.audio;

import dev.groqj.Fixtures;
import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.ServerException;
import dev.groqj.internal.Json;
import dev.groqj.transport.MultipartReader;
import dev.groqj.transport.MultipartReader.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audio service against a real HTTP server on 127.0.0.1 that parses what it receives. */
class AudioServiceHttpTest {

    private LoopbackServer server;
    private AudioService audio;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        audio = new AudioService(server.apiClient());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void transcribeUploadsEveryFieldAndTheFileByteForByte(@TempDir Path dir) throws Exception {
        byte[] wav = Wav.bytes(50_000);
        Path file = Files.write(dir.resolve("meeting \"final\".wav"), wav);
        server.answer(200, "application/json",
                Fixtures.bytes("recorded/vercel-ai/groq-transcription-word-timestamps.json"));

        Transcription t = audio.transcribe(TranscriptionRequest.builder()
                .file(file)
                .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO)
                .language("en")
                .prompt("Vercel, AI SDK")
                .responseFormat(TranscriptionFormat.VERBOSE_JSON)
                .temperature(0)
                .timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)
                .build());

        LoopbackServer.Received r = server.take();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/openai/v1/audio/transcriptions");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + LoopbackServer.KEY);
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.body().length));
        List<Part> parts = MultipartReader.parse(r.body(), r.header("Content-Type"));
        assertThat(parts).extracting(p -> p.name() + "=" + (p.fileName() == null ? p.text() : p.fileName()))
                .containsExactly("model=whisper-large-v3-turbo", "prompt=Vercel, AI SDK",
                        "response_format=verbose_json",
                        "temperature=0.0", "language=en", "timestamp_granularities[]=word",
                        "timestamp_granularities[]=segment", "file=meeting %22final%22.wav");
        assertThat(parts.get(7).contentType()).isEqualTo("audio/wav");
        assertThat(parts.get(7).body()).isEqualTo(wav);
        assertThat(t.words()).extracting(Word::word).containsExactly("Hello", "from", "the", "Versal", "AISDK.");
        assertThat(t.duration()).isEqualTo(2.507750144);
    }

    @Test
    void jsonFormatGivesTheText() throws Exception {
        server.answer(200, "application/json", Fixtures.bytes("recorded/vercel-ai/groq-transcription.json"));

        Transcription t = audio.transcribe(TranscriptionRequest.builder().url("https://example.com/a.mp3")
                .model("whisper-large-v3").responseFormat(TranscriptionFormat.JSON).build());

        assertThat(t.text()).isEqualTo(" Hello from the Versal AISDK.");
        assertThat(t.requestId()).isEqualTo("req_01kha51bpcezj8q824a6zfchr1");
        LoopbackServer.Received r = server.take();
        List<Part> parts = MultipartReader.parse(r.body(), r.header("Content-Type"));
        assertThat(parts).extracting(Part::name).containsExactly("model", "response_format", "url");
    }

    @Test
    void textFormatGivesThePlainBody() {
        server.answer(ex -> {
            ex.getResponseHeaders().set("x-request-id", "req_text");
            byte[] body = " Hello from the Versal AISDK.\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });

        GroqResponse<Transcription> r = audio.transcribeWithResponse(TranscriptionRequest.builder()
                        .file(Wav.bytes(100), "a.wav").model("whisper-large-v3")
                        .responseFormat(TranscriptionFormat.TEXT).build(),
                RequestOptions.DEFAULT);

        assertThat(r.value().text()).isEqualTo(" Hello from the Versal AISDK.\n");
        assertThat(r.value().duration()).isNull();
        assertThat(r.requestId()).isEqualTo("req_text");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void translateGoesToTranslationsWithItsFields() throws Exception {
        server.answer(200, "application/json",
                "{\"text\":\"Hello\",\"x_groq\":{\"id\":\"req_1\"}}".getBytes(StandardCharsets.UTF_8));

        Transcription t = audio.translateWithResponse(TranslationRequest.builder().file(Wav.bytes(200), "hallo.wav")
                .model(TranslationRequest.WHISPER_LARGE_V3).prompt("greeting").build(), RequestOptions.DEFAULT).value();

        LoopbackServer.Received r = server.take();
        assertThat(r.path()).isEqualTo("/openai/v1/audio/translations");
        assertThat(MultipartReader.parse(r.body(), r.header("Content-Type"))).extracting(Part::name)
                .containsExactly("model", "prompt", "file");
        assertThat(t.text()).isEqualTo("Hello");
    }

    @Test
    void fileOfUnknownLengthIsSentChunkedAndWhole() throws Exception {
        byte[] wav = Wav.bytes(70_000);
        server.answer(200, "application/json", "{\"text\":\"ok\"}".getBytes(StandardCharsets.UTF_8));

        audio.transcribe(TranscriptionRequest.builder()
                .file(AudioFile.of(() -> new ByteArrayInputStream(wav), "a.wav")).model("m").build());

        LoopbackServer.Received r = server.take();
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(MultipartReader.parse(r.body(), r.header("Content-Type")).get(1).body()).isEqualTo(wav);
    }

    @Test
    void sameRequestSentTwiceReadsTheFileAgain() throws Exception {
        byte[] wav = Wav.bytes(10_000);
        server.answer(200, "application/json", "{\"text\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        TranscriptionRequest request = TranscriptionRequest.builder().file(wav, "a.wav").model("m").build();

        audio.transcribe(request);
        audio.transcribe(request);

        LoopbackServer.Received first = server.take();
        LoopbackServer.Received second = server.take();
        assertThat(MultipartReader.parse(second.body(), second.header("Content-Type")).get(1).body())
                .isEqualTo(MultipartReader.parse(first.body(), first.header("Content-Type")).get(1).body())
                .isEqualTo(wav);
    }

    @Test
    void serverErrorThenSuccessRetriesWithTheWholeFileReadAgain(@TempDir Path dir) throws Exception {
        byte[] wav = Wav.bytes(120_000);
        Path file = Files.write(dir.resolve("a.wav"), wav);
        List<Duration> slept = new ArrayList<>();
        AudioService retrying = new AudioService(LoopbackServer.apiClient(server.baseUrl(), 2, slept::add));
        failFirstThenAnswer("{\"text\":\"second time\"}");

        Transcription t = retrying.transcribe(TranscriptionRequest.builder().file(file).model("m").build());

        assertThat(t.text()).isEqualTo("second time");
        assertThat(slept).hasSize(1);
        LoopbackServer.Received first = server.take();
        LoopbackServer.Received second = server.take();
        assertThat(MultipartReader.parse(first.body(), first.header("Content-Type")).get(1).body()).isEqualTo(wav);
        assertThat(MultipartReader.parse(second.body(), second.header("Content-Type")).get(1).body()).isEqualTo(wav);
    }

    @Test
    void oneShotStreamIsSentOnceAndNotRetried() throws Exception {
        AudioService retrying = new AudioService(LoopbackServer.apiClient(server.baseUrl(), 2, d -> { }));
        failFirstThenAnswer("{\"text\":\"never\"}");

        assertThatThrownBy(() -> retrying.transcribe(TranscriptionRequest.builder()
                .file(AudioFile.ofStream(new ByteArrayInputStream(Wav.bytes(1_000)), "a.wav")).model("m").build()))
                .isInstanceOf(ServerException.class);

        server.take();
        assertThat(server.pending()).isZero();
    }

    /** The first request gets a 500, every later one {@code json}. */
    private void failFirstThenAnswer(String json) {
        AtomicInteger calls = new AtomicInteger();
        server.answer(ex -> {
            byte[] body = calls.getAndIncrement() == 0
                    ? "{\"error\":{\"message\":\"boom\",\"type\":\"internal_server_error\"}}".getBytes(StandardCharsets.UTF_8)
                    : json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(calls.get() == 1 ? 500 : 200, body.length);
            ex.getResponseBody().write(body);
        });
    }

    @Test
    void progressCountsEveryByteUpToTheTotal() throws Exception {
        List<long[]> calls = new ArrayList<>();
        server.answer(200, "application/json", "{\"text\":\"ok\"}".getBytes(StandardCharsets.UTF_8));

        audio.transcribe(TranscriptionRequest.builder().file(Wav.bytes(300_000), "a.wav").model("m")
                .progressListener((sent, total) -> calls.add(new long[]{sent, total})).build());

        long bodyLength = server.take().body().length;
        assertThat(calls).isNotEmpty();
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(bodyLength));
        assertThat(calls.get(calls.size() - 1)[0]).isEqualTo(bodyLength);
        assertThat(calls).extracting(c -> c[0]).isSorted();
    }

    @Test
    void errorAnswerBecomesTheMappedException() {
        server.answer(400, "application/json", ("{\"error\":{\"message\":\"file must be one of the following types\","
                + "\"type\":\"invalid_request_error\",\"param\":\"file\"}}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> audio.transcribe(TranscriptionRequest.builder().file(Wav.bytes(100), "a.wav")
                .model("m").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).isEqualTo("file"));
    }

    @Test
    void speechPostsTheJsonAndReturnsTheAudio() throws Exception {
        byte[] wav = Wav.bytes(4_000);
        server.answer(200, "audio/wav", wav);

        byte[] audioBytes = audio.speech(SpeechRequest.builder().model("playai-tts").voice("Fritz-PlayAI")
                .input("Hello").responseFormat(SpeechFormat.WAV).sampleRate(16000).speed(1.25).build());

        LoopbackServer.Received r = server.take();
        assertThat(r.path()).isEqualTo("/openai/v1/audio/speech");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Accept")).isEqualTo("audio/*");
        assertThat(Json.tree(new String(r.body(), StandardCharsets.UTF_8))).isEqualTo(Json.tree(
                "{\"model\":\"playai-tts\","
                + "\"input\":\"Hello\",\"voice\":\"Fritz-PlayAI\",\"response_format\":\"wav\",\"sample_rate\":16000,"
                + "\"speed\":1.25}"));
        assertThat(audioBytes).isEqualTo(wav);
    }

    @Test
    void speechToPathWritesAValidWav(@TempDir Path dir) throws IOException {
        byte[] wav = Wav.bytes(200_000);
        server.answer(ex -> { // chunked, in pieces, as Groq sends it
            ex.getResponseHeaders().set("Content-Type", "audio/wav");
            ex.sendResponseHeaders(200, 0);
            for (int off = 0; off < wav.length; off += 16_384) {
                ex.getResponseBody().write(wav, off, Math.min(16_384, wav.length - off));
                ex.getResponseBody().flush();
            }
        });
        Path out = dir.resolve("speech.wav");

        long written = audio.speech(speech(), out);

        byte[] onDisk = Files.readAllBytes(out);
        Wav.assertValid(onDisk);
        assertThat(onDisk).isEqualTo(wav);
        assertThat(written).isEqualTo(wav.length);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out); // no partial file left behind
        }
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) { // the permissions of any new file
            Path plain = Files.createFile(dir.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void callersOwnAcceptHeaderIsKept() throws Exception {
        server.answer(200, "audio/mpeg", new byte[]{1, 2});

        GroqResponse<byte[]> r = audio.speechWithResponse(speech(),
                RequestOptions.builder().header("accept", "audio/mpeg").build());

        assertThat(server.take().header("Accept")).isEqualTo("audio/mpeg");
        assertThat(r.value()).containsExactly(1, 2);
        assertThat(r.headers().firstOrNull("content-type")).isEqualTo("audio/mpeg");
    }

    @Test
    void speechToStreamWritesBytesAsTheyArrive() throws Exception {
        CountDownLatch firstBytesWritten = new CountDownLatch(1);
        AtomicBoolean restWaitedForFirst = new AtomicBoolean();
        byte[] wav = Wav.bytes(8_000);
        server.answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", "audio/wav");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(wav, 0, 1_000);
            ex.getResponseBody().flush();
            try { // the rest only once the client wrote the first piece: proves nothing waits for the whole body
                restWaitedForFirst.set(firstBytesWritten.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseBody().write(wav, 1_000, wav.length - 1_000);
        });
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override public void write(int b) { sink.write(b); firstBytesWritten.countDown(); }
            @Override public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                firstBytesWritten.countDown();
            }
        };

        long written = audio.speech(speech(), out, RequestOptions.DEFAULT);

        assertThat(restWaitedForFirst).isTrue();
        assertThat(written).isEqualTo(wav.length);
        assertThat(sink.toByteArray()).isEqualTo(wav);
    }

    @Test
    void speechThatBreaksOffLeavesNoFile(@TempDir Path dir) throws IOException {
        Path out = Files.write(dir.resolve("speech.wav"), new byte[]{1, 2, 3});
        server.answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", "audio/wav");
            ex.sendResponseHeaders(200, 100_000); // promises more than it sends
            ex.getResponseBody().write(Wav.bytes(5_000));
        });

        assertThatThrownBy(() -> audio.speech(speech(), out)).isInstanceOf(NetworkException.class);

        assertThat(Files.readAllBytes(out)).containsExactly(1, 2, 3); // the old file is kept, not half-replaced
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    private static SpeechRequest speech() {
        return SpeechRequest.builder().model("playai-tts").voice("Fritz-PlayAI").input("Hi")
                .responseFormat(SpeechFormat.WAV).build();
    }
}
