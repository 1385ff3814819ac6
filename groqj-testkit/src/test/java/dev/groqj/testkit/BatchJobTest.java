package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.audio.TimestampGranularity;
import dev.groqj.audio.TranscriptionFormat;
import dev.groqj.audio.TranscriptionRequest;
import dev.groqj.audio.TranslationRequest;
import dev.groqj.batches.Batch;
import dev.groqj.batches.BatchJob;
import dev.groqj.batches.BatchLine;
import dev.groqj.batches.BatchProgress;
import dev.groqj.batches.BatchResults;
import dev.groqj.batches.BatchStatus;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BatchJob} against the fake Groq over real sockets: lines in, results by custom id out, on a clock the
 * job's sleeper moves, so a day-long batch passes in milliseconds.
 */
class BatchJobTest {
    private static final String CHAT = "llama-3.1-8b-instant";

    private final TestClock clock = TestClock.create();
    /** Every wait the job asked for; each one moves the clock on instead of blocking. */
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private FakeGroqServer groq;
    private GroqClient client;

    private void start(Consumer<FakeGroqServer.Builder> server) {
        FakeGroqServer.Builder b = FakeGroqServer.builder().clock(clock);
        server.accept(b);
        groq = b.build().start();
        client = newClient();
    }

    private GroqClient newClient() {
        return GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey()).maxRetries(0).clock(clock)
                .sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }).build();
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (groq != null) groq.close();
    }

    private static ChatRequest ask(String model, String question) {
        return ChatRequest.builder().model(model).addMessage(Message.user(question)).build();
    }

    @Test
    void chatAndAudioLinesComeBackByCustomIdWithPartialFailuresTyped(@TempDir Path dir) throws Exception {
        start(b -> { });
        List<BatchProgress> progress = new ArrayList<>();
        BatchJob job = BatchJob.builder(client).directory(dir).pollInterval(Duration.ofSeconds(30))
                .progressListener(progress::add).metadata(Map.of("job", "nightly")).build();
        byte[] wav = client.audio().speech(dev.groqj.audio.SpeechRequest.builder().model("playai-tts")
                .voice("Fritz-PlayAI").input("batch audio works").build());
        job.addChat("q-1", ask(CHAT, "why is the sky blue"))
                .addTranscription("a-1", TranscriptionRequest.builder()
                        .url("data:audio/wav;base64," + Base64.getEncoder().encodeToString(wav))
                        .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO).language("en")
                        .responseFormat(TranscriptionFormat.VERBOSE_JSON)
                        .timestampGranularities(TimestampGranularity.SEGMENT).build())
                .addTranslation("t-1", TranslationRequest.builder().url("https://example.com/talk.wav")
                        .model(TranslationRequest.WHISPER_LARGE_V3).build())
                .addChat("bad", ask("whisper-large-v3", "a chat line to a speech model"));

        assertThat(job.inputFiles()).hasSize(1);
        List<String> lines = Files.readAllLines(job.inputFiles().get(0));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("\"url\":\"/v1/audio/transcriptions\"", "\"language\":\"en\"",
                "\"timestamp_granularities\":[\"segment\"]", "\"response_format\":\"verbose_json\"");

        List<String> ids = job.submit();
        assertThat(ids).hasSize(1);
        Batch created = client.batches().retrieve(ids.get(0));
        assertThat(created.metadata()).containsEntry("job", JsonValue.string("nightly"));

        BatchResults results = job.await();

        assertThat(results.chatCompletion("q-1").choices().get(0).message().content())
                .isEqualTo("You said: why is the sky blue");
        assertThat(results.transcription("a-1").text()).isEqualTo(" batch audio works");
        assertThat(results.transcription("a-1").segments()).hasSize(1);
        assertThat(results.transcription("t-1").text()).isEqualTo(" Hello from the fake Groq server.");
        assertThat(results.succeeded()).containsExactlyInAnyOrder("q-1", "a-1", "t-1");
        assertThat(results.failed()).containsExactly("bad");
        assertThat(results.error("bad")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("whisper-large-v3");
        assertThat(results.error("bad").requestId()).startsWith("req_01");
        assertThat(results.error("q-1")).isNull();
        assertThatThrownBy(() -> results.chatCompletion("bad")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> results.chatCompletion("nope")).isInstanceOf(GroqException.class)
                .hasMessageContaining("no result for custom_id 'nope'");
        assertThat(results.missing()).isEmpty();
        assertThat(results.batches()).extracting(Batch::status).containsExactly(BatchStatus.COMPLETED);

        assertThat(progress).isNotEmpty();
        BatchProgress last = progress.get(progress.size() - 1);
        assertThat(last.isDone()).isTrue();
        assertThat(last.total()).isEqualTo(4);
        assertThat(last.completed()).isEqualTo(3);
        assertThat(last.failed()).isEqualTo(1);
        assertThat(last.fraction()).isEqualTo(1.0);
        // the given directory keeps the input and the streamed result files
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .contains("batch-input-001.jsonl", results.batches().get(0).outputFileId() + ".jsonl",
                        results.batches().get(0).errorFileId() + ".jsonl");
    }

    @Test
    void aJobOverTheFileLimitsSplitsIntoSeveralBatchesAndAllResultsReturn(@TempDir Path dir) throws Exception {
        start(b -> { });
        BatchJob byLines = BatchJob.builder(client).maxLinesPerFile(2).pollInterval(Duration.ofSeconds(1)).build();
        for (int i = 1; i <= 5; i++) byLines.addChat("q-" + i, ask(CHAT, "question " + i));

        assertThat(byLines.inputFiles()).hasSize(3);
        assertThat(byLines.inputFiles()).extracting(f -> lineCount(f)).containsExactly(2L, 2L, 1L);
        assertThat(byLines.submit()).hasSize(3);
        BatchResults results = byLines.await();
        assertThat(results.succeeded()).hasSize(5);
        assertThat(results.chatCompletion("q-5").choices().get(0).message().content())
                .isEqualTo("You said: question 5");
        assertThat(byLines.inputFiles().get(0)).doesNotExist(); // its own temporary directory is gone

        int lineBytes = BatchLine.chat("x-1", ask(CHAT, "same size")).toJson().length() + 1;
        BatchJob byBytes = BatchJob.builder(client).directory(dir).maxBytesPerFile(lineBytes * 2L + 1).build();
        for (int i = 1; i <= 4; i++) byBytes.addChat("x-" + i, ask(CHAT, "same size"));
        assertThat(byBytes.inputFiles()).extracting(f -> Files.size(f)).allSatisfy(size ->
                assertThat(size).isLessThanOrEqualTo(lineBytes * 2L + 1));
        assertThat(byBytes.inputFiles()).hasSize(2);
    }

    private static long lineCount(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void linesAreCheckedAsTheyAreAddedAndModelsBeforeAnythingIsUploaded() {
        start(b -> { });
        BatchJob job = BatchJob.builder(client).build();
        job.addChat("q-1", ask(CHAT, "hi"));

        assertThatThrownBy(() -> job.addChat("q-1", ask(CHAT, "again")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("custom_id"));
        assertThatThrownBy(() -> job.addTranscription("a", TranscriptionRequest.builder()
                .file(new byte[] {1, 2, 3}, "talk.wav").model("whisper-large-v3").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("file"))
                .hasMessageContaining("give its url");
        assertThatThrownBy(() -> job.addTranslation("t", TranslationRequest.builder().url("https://x/a.wav")
                .model("whisper-large-v3-turbo").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("model"));
        assertThatThrownBy(() -> job.add(BatchLine.of("s", "POST", "/v1/chat/completions",
                Map.of("model", CHAT, "stream", true, "messages", List.of()))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("stream"));
        assertThatThrownBy(() -> job.add(BatchLine.of("e", "POST", "/v1/embeddings", Map.of("model", CHAT))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("url"));
        assertThatThrownBy(() -> job.add(BatchLine.of("n", "POST", "/v1/chat/completions", Map.of("messages",
                List.of())))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("model"));
        assertThatThrownBy(() -> BatchJob.builder(client).maxBytesPerFile(100).build()
                .addChat("big", ask(CHAT, "x".repeat(200))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("body"));
        assertThatThrownBy(() -> BatchJob.builder(client).maxLinesPerFile(50_001))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("maxLinesPerFile")).hasMessageContaining("at most 50000");
        assertThatThrownBy(() -> BatchJob.builder(client).maxBytesPerFile(0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("maxBytesPerFile"));
        assertThatThrownBy(() -> BatchJob.builder(client).pollInterval(Duration.ofMinutes(10))
                .maxPollInterval(Duration.ofMinutes(1)).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("maxPollInterval"));
        assertThatThrownBy(() -> BatchJob.builder(client).completionWindow("8d"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("completion_window"));
        assertThatThrownBy(() -> BatchJob.builder(client).build().submit())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("input"));

        job.addChat("q-2", ask("llama-3.3-70b-typo", "hi"));
        groq.clearJournal();
        assertThatThrownBy(job::submit).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo("model")).hasMessageContaining("'llama-3.3-70b-typo'")
                .hasMessageContaining("q-2");
        assertThat(groq.requests()).extracting(RecordedRequest::path).containsExactly("/openai/v1/models");
    }

    @Test
    void pollsBackOffWhileNothingChangesAndReportEveryChange() {
        start(b -> b.batchPace(Duration.ofMinutes(10)));
        List<BatchProgress> progress = new ArrayList<>();
        BatchJob job = BatchJob.builder(client).pollInterval(Duration.ofMinutes(1)).maxPollInterval(Duration.ofMinutes(4))
                .progressListener(progress::add).build();
        for (int i = 1; i <= 3; i++) job.addChat("q-" + i, ask(CHAT, "question " + i));

        BatchResults results = job.await();

        assertThat(results.succeeded()).hasSize(3);
        // 10 minutes a step: 1, 2, 4, then 4 (the cap) minutes between polls until something moves, then 1 again
        assertThat(sleeps.subList(0, 4)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(4));
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMinutes(4)));
        assertThat(sleeps.stream().filter(d -> d.equals(Duration.ofMinutes(1))).count()).isGreaterThan(3);
        assertThat(progress).extracting(p -> p.batches().get(0).status()).containsSubsequence(
                BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, BatchStatus.COMPLETED);
        assertThat(progress).extracting(BatchProgress::completed).isSorted().contains(0L, 1L, 2L, 3L);
        // validating, three requests and finalizing: five steps of ten minutes, and no poll long after the end
        Duration waited = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(54));
    }

    @Test
    void aJobResumesFromItsBatchIdsInAnotherClient() {
        start(b -> b.batchPace(Duration.ofMinutes(1)));
        BatchJob job = BatchJob.builder(client).build();
        job.addChat("q-1", ask(CHAT, "before the restart"));
        job.addChat("q-2", ask(CHAT, "still there"));
        List<String> ids = job.submit();
        client.close();

        client = newClient(); // a new JVM would hold nothing but the ids
        BatchJob resumed = BatchJob.builder(client).pollInterval(Duration.ofSeconds(20)).resume(ids);
        assertThat(resumed.batchIds()).isEqualTo(ids);
        BatchResults results = resumed.await();

        assertThat(results.chatCompletion("q-2").choices().get(0).message().content())
                .isEqualTo("You said: still there");
        assertThat(results.missing()).isEmpty();
        assertThatThrownBy(() -> BatchJob.resume(client, "batch_nope"))
                .isInstanceOf(dev.groqj.error.NotFoundException.class);
    }

    @Test
    void aResumedJobResubmitsFromTheInputFileItDownloadsFromGroq() {
        start(b -> b.batchPace(Duration.ofHours(10))); // one request runs before the 24h window closes
        BatchJob job = BatchJob.builder(client).build();
        job.addChat("q-1", ask(CHAT, "one")).addChat("q-2", ask(CHAT, "two"));
        List<String> ids = job.submit();
        client.close();

        client = newClient();
        BatchJob resumed = BatchJob.builder(client).pollInterval(Duration.ofHours(6)).resubmitFailed(1).resume(ids);
        BatchResults results = resumed.await();

        assertThat(results.succeeded()).containsExactlyInAnyOrder("q-1", "q-2");
        assertThat(resumed.batchIds()).hasSize(2).startsWith(ids.get(0));
        String inputFileId = results.batches().get(0).inputFileId();
        assertThat(groq.requests()).extracting(RecordedRequest::path)
                .contains("/openai/v1/files/" + inputFileId + "/content");
    }

    @Test
    void expiredLinesAreResubmittedWhenAskedAndTheRequestsOwnErrorsAreNot() {
        // 10 hours a step and a 24h window: each batch validates, runs one request and expires
        start(b -> b.batchPace(Duration.ofHours(10)));
        List<BatchProgress> progress = new ArrayList<>();
        BatchJob job = BatchJob.builder(client).pollInterval(Duration.ofHours(6)).maxPollInterval(Duration.ofHours(6))
                .resubmitFailed(3).progressListener(progress::add).build();
        job.addChat("q-1", ask(CHAT, "one")).addChat("bad", ask("whisper-large-v3", "never works"))
                .addChat("q-2", ask(CHAT, "two")).addChat("q-3", ask(CHAT, "three"));

        BatchResults results = job.await();

        assertThat(results.succeeded()).containsExactlyInAnyOrder("q-1", "q-2", "q-3");
        assertThat(results.failed()).containsExactly("bad");
        assertThat(results.error("bad").statusCode()).isEqualTo(400);
        // round 1 runs q-1, round 2 "bad" (a 400, not sent again), round 3 q-2, round 4 q-3
        assertThat(job.batchIds()).hasSize(4);
        assertThat(results.batches()).extracting(Batch::status).containsOnly(BatchStatus.EXPIRED);
        assertThat(progress.get(progress.size() - 1).batchIds()).isEqualTo(job.batchIds());

        BatchJob once = BatchJob.builder(client).pollInterval(Duration.ofHours(6)).build();
        once.addChat("a", ask(CHAT, "one")).addChat("b", ask(CHAT, "two"));
        BatchResults expired = once.await();
        assertThat(expired.failed()).containsExactly("b");
        assertThat(expired.error("b").statusCode()).isZero();
        assertThat(expired.error("b").errorCode()).isEqualTo("batch_expired");
    }

    @Test
    void aCancelledJobEndsWithItsUnrunLinesAsCancelledAndNothingResubmitted() {
        start(b -> b.batchPace(Duration.ofMinutes(1)));
        BatchJob job = BatchJob.builder(client).resubmitFailed(2).pollInterval(Duration.ofMinutes(1)).build();
        job.addChat("q-1", ask(CHAT, "one")).addChat("q-2", ask(CHAT, "two"));
        String id = job.submit().get(0);
        clock.advance(Duration.ofMinutes(2)); // validated, and q-1 ran
        assertThat(client.batches().retrieve(id).requestCounts().completed()).isEqualTo(1);

        assertThat(job.cancel()).extracting(Batch::status).containsExactly(BatchStatus.CANCELLING);
        BatchResults results = job.await();

        assertThat(results.batches()).extracting(Batch::status).containsExactly(BatchStatus.CANCELLED);
        assertThat(results.succeeded()).containsExactly("q-1");
        assertThat(results.failed()).containsExactly("q-2");
        assertThat(results.error("q-2").errorCode()).isEqualTo("batch_cancelled");
        assertThat(job.batchIds()).hasSize(1);
    }

    @Test
    void anInterruptedWaitStopsTheJobWithAGroqException() {
        start(b -> b.batchPace(Duration.ofMinutes(1)));
        GroqClient interrupted = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey())
                .sleeper(d -> {
                    throw new InterruptedException();
                }).build();
        try {
            BatchJob job = BatchJob.builder(interrupted).build();
            job.addChat("q-1", ask(CHAT, "one"));
            assertThatThrownBy(job::await).isInstanceOf(GroqException.class).hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            interrupted.close();
        }
    }
}
