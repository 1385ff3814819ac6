package dev.groqj;

import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.audio.AsyncAudioService;
import dev.groqj.audio.AudioService;
import dev.groqj.audio.SpeechRequest;
import dev.groqj.batches.AsyncBatchesService;
import dev.groqj.batches.Batch;
import dev.groqj.batches.BatchOutputLine;
import dev.groqj.batches.BatchesService;
import dev.groqj.chat.AsyncChatService;
import dev.groqj.chat.ChatService;
import dev.groqj.files.AsyncFilesService;
import dev.groqj.files.FileObject;
import dev.groqj.files.FilesService;
import dev.groqj.internal.Json;
import dev.groqj.models.AsyncModelsService;
import dev.groqj.models.Model;
import dev.groqj.models.ModelsService;
import dev.groqj.resilience.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one call path: auth on every attempt, the forms every operation has, pages; against loopback. */
class CallPathHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    private static final String MODEL = "{\"id\":\"openai/gpt-oss-120b\",\"object\":\"model\",\"created\":1,"
            + "\"owned_by\":\"OpenAI\"}";
    private static final String FILE = "{\"id\":\"file_%s\",\"object\":\"file\",\"bytes\":1,\"created_at\":1,"
            + "\"filename\":\"in.jsonl\",\"purpose\":\"batch\"}";
    private static final String BATCH = "{\"id\":\"batch_1\",\"object\":\"batch\",\"endpoint\":\"/v1/chat/completions\","
            + "\"input_file_id\":\"file_in\",\"completion_window\":\"24h\",\"status\":\"completed\","
            + "\"output_file_id\":\"file_out\",\"error_file_id\":\"file_err\",\"created_at\":1}";

    private ScriptedServer server;
    private GroqClient client;

    /** The builder this class's clients start from; {@link CallPathApacheHttpTest} passes another transport. */
    GroqClient.Builder builder() {
        return GroqClient.builder();
    }

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A provider that mints a new token each time it is asked, as one refreshing an expiring token does. */
    private GroqClient refreshingTokens() {
        AtomicInteger minted = new AtomicInteger();
        return builder().baseUrl(server.baseUrl()).maxRetries(2)
                .retryConfig(RetryConfig.builder().maxRetries(2).jitter(0).build())
                .sleeper(d -> { }).delayScheduler(d -> CompletableFuture.completedFuture(null))
                .authProvider(r -> r.header("Authorization", "Bearer token-" + minted.incrementAndGet()))
                .build();
    }

    @Test
    void eachAttemptCarriesAFreshTokenFromTheAuthProvider() throws Exception {
        server.enqueue(Scripted.json(503, "{\"error\":{\"message\":\"over capacity\"}}"));
        server.enqueue(Scripted.json(503, "{\"error\":{\"message\":\"over capacity\"}}"));
        server.enqueue(Scripted.json(200, MODEL));

        assertThat(refreshingTokens().models().retrieve("openai/gpt-oss-120b").ownedBy()).isEqualTo("OpenAI");

        assertThat(List.of(server.takeRequest().header("Authorization"), server.takeRequest().header("Authorization"),
                server.takeRequest().header("Authorization")))
                .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-3");
    }

    @Test
    void eachAsyncAttemptCarriesAFreshTokenFromTheAuthProvider() throws Exception {
        server.enqueue(Scripted.json(503, "{\"error\":{\"message\":\"over capacity\"}}"));
        server.enqueue(Scripted.json(200, MODEL));

        assertThat(refreshingTokens().async().models().retrieve("openai/gpt-oss-120b").get(10, TimeUnit.SECONDS)
                .ownedBy()).isEqualTo("OpenAI");

        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.takeRequest().header("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void servicesHaveNoPublicConstructors() {
        for (Class<?> service : List.of(ChatService.class, AsyncChatService.class, AudioService.class,
                AsyncAudioService.class, ModelsService.class, AsyncModelsService.class, FilesService.class,
                AsyncFilesService.class, BatchesService.class, AsyncBatchesService.class)) {
            for (Constructor<?> c : service.getDeclaredConstructors()) {
                assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
                        .as(c.toString()).isFalse();
            }
        }
    }

    @Test
    void modelsAndBatchesHaveWithResponseFormsBlockingAndAsync() throws Exception {
        server.enqueue(Scripted.json(200, MODEL).withHeader("x-request-id", "req_1"));
        server.enqueue(Scripted.json(200, MODEL).withHeader("x-request-id", "req_2"));
        server.enqueue(Scripted.json(200, BATCH).withHeader("x-request-id", "req_3"));
        server.enqueue(Scripted.json(200, BATCH).withHeader("x-request-id", "req_4"));

        GroqResponse<Model> blocking = client.models().retrieveWithResponse("openai/gpt-oss-120b", RequestOptions.DEFAULT);
        GroqResponse<Model> async = client.async().models().retrieveWithResponse("openai/gpt-oss-120b",
                RequestOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        GroqResponse<Batch> batch = client.batches().retrieveWithResponse("batch_1", RequestOptions.DEFAULT);
        GroqResponse<Batch> asyncBatch = client.async().batches().retrieveWithResponse("batch_1",
                RequestOptions.DEFAULT).get(10, TimeUnit.SECONDS);

        assertThat(blocking.value().id()).isEqualTo(async.value().id()).isEqualTo("openai/gpt-oss-120b");
        assertThat(blocking.headers().firstOrNull("x-request-id")).isEqualTo("req_1");
        assertThat(async.headers().firstOrNull("x-request-id")).isEqualTo("req_2");
        assertThat(batch.statusCode()).isEqualTo(asyncBatch.statusCode()).isEqualTo(200);
        assertThat(asyncBatch.value().outputFileId()).isEqualTo("file_out");
        assertThat(asyncBatch.headers().firstOrNull("x-request-id")).isEqualTo("req_4");
    }

    @Test
    void asyncFileContentGoesToAPathAndToAStreamAsItArrives(@TempDir Path dir) throws Exception {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
        for (int i = 0; i < 2; i++) {
            server.enqueue(new Scripted(200, Map.of("Content-Type", "application/octet-stream"),
                    List.of(java.util.Arrays.copyOf(big, 70_000), java.util.Arrays.copyOfRange(big, 70_000, big.length)),
                    -1, null));
        }
        Path target = dir.resolve("out.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long toFile = client.async().files().content("file_1", target).get(10, TimeUnit.SECONDS);
        long toStream = client.async().files().content("file_1", out).get(10, TimeUnit.SECONDS);

        assertThat(toFile).isEqualTo(toStream).isEqualTo(big.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(out.toByteArray()).isEqualTo(big);
        assertThat(dir.toFile().list()).containsExactly("out.jsonl");
        assertThat(server.takeRequest().header("Accept")).isEqualTo("application/octet-stream, */*");
    }

    @Test
    void asyncSpeechToAPathLeavesNoFileWhenTheAnswerIsAnError(@TempDir Path dir) throws Exception {
        byte[] wav = "RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        server.enqueue(new Scripted(200, Map.of("Content-Type", "audio/wav"), List.of(wav), -1, null));
        server.enqueue(Scripted.json(400, "{\"error\":{\"message\":\"bad voice\",\"type\":\"invalid_request_error\"}}"));
        SpeechRequest speech = SpeechRequest.builder().model("playai-tts").voice("Fritz-PlayAI").input("Hi").build();

        long written = client.async().audio().speech(speech, dir.resolve("hi.wav")).get(10, TimeUnit.SECONDS);
        CompletableFuture<Long> failed = client.async().audio().speech(speech, dir.resolve("bad.wav"));

        assertThat(written).isEqualTo(wav.length);
        assertThat(Files.readAllBytes(dir.resolve("hi.wav"))).isEqualTo(wav);
        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(dev.groqj.error.BadRequestException.class);
        assertThat(dir.toFile().list()).containsExactly("hi.wav");
        assertThat(server.takeRequest().header("Accept")).isEqualTo("audio/*");
    }

    @Test
    void cancellingAnAsyncDownloadToAPathAbortsItAndLeavesNoFile(@TempDir Path dir) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // a body far larger than socket buffers, so the server sees the client go away
        server.enqueue(new Scripted(200, Map.of("Content-Type", "application/octet-stream"),
                java.util.Collections.nCopies(256, new byte[64 * 1024]), -1, release));

        CompletableFuture<Long> download = client.async().files().content("file_1", dir.resolve("out.jsonl"));
        server.takeRequest();
        download.cancel(true);
        release.countDown();

        assertThat(server.awaitClientAbort()).isTrue();
        assertThat(download).isCancelled();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void asyncBatchResultsReadTheOutputThenTheErrorFile() throws Exception {
        // both files are fetched at once: answer by path, not by order of arrival
        server.otherwise(r -> r.rawPath().contains("file_out")
                ? Scripted.json(200, "{\"custom_id\":\"q-1\",\"response\":{\"status_code\":200,\"body\":"
                        + "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[]}}}\n")
                : Scripted.json(200, "{\"custom_id\":\"q-2\",\"response\":null,"
                        + "\"error\":{\"code\":\"batch_expired\",\"message\":\"expired\"}}\n"));

        List<BatchOutputLine> lines = client.async().batches().results(Json.read(BATCH, Batch.class))
                .get(10, TimeUnit.SECONDS);

        assertThat(lines).extracting(BatchOutputLine::customId).containsExactly("q-1", "q-2");
        List<String> paths = List.of(server.takeRequest().rawPath(), server.takeRequest().rawPath());
        assertThat(paths).containsExactlyInAnyOrder("/openai/v1/files/file_out/content",
                "/openai/v1/files/file_err/content");
    }

    @Test
    void aPageWithHasMoreAsksForTheNextAfterItsLastIdWithTheSameLimit() throws Exception {
        server.enqueue(Scripted.json(200, page(true, "a", "b")));
        server.enqueue(Scripted.json(200, page(false, "c")));

        Page<FileObject> first = client.files().list(RequestOptions.builder().queryParam("limit", "2").build());
        Page<FileObject> second = first.nextPage();

        assertThat(first.hasNextPage()).isTrue();
        assertThat(second.data()).extracting(FileObject::id).containsExactly("file_c");
        assertThat(second.hasNextPage()).isFalse();
        assertThatThrownBy(second::nextPage).isInstanceOf(NoSuchElementException.class);
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files?limit=2");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files?limit=2&after=file_b");
    }

    @Test
    void asyncPagesFetchTheNextWithoutBlocking() throws Exception {
        server.enqueue(Scripted.json(200, page(true, "a")));
        server.enqueue(Scripted.json(200, page(false, "b")));

        Page<FileObject> first = client.async().files().list().get(10, TimeUnit.SECONDS);
        Page<FileObject> second = first.nextPageAsync().get(10, TimeUnit.SECONDS);

        assertThat(second.data()).extracting(FileObject::id).containsExactly("file_b");
        assertThat(second.nextPageAsync()).isCompletedExceptionally();
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files?after=file_a");
    }

    @Test
    void autoPagerFetchesANextPageOnlyWhenIterationReachesIt() throws Exception {
        server.enqueue(Scripted.json(200, page(true, "a", "b")));
        server.enqueue(Scripted.json(200, page(false, "c")));
        Page<FileObject> first = client.files().list();
        List<String> seen = new ArrayList<>();

        var items = first.autoPager().iterator();
        seen.add(items.next().id());
        seen.add(items.next().id());
        int requestsBeforeThePageEnds = server.requestCount();
        items.forEachRemaining(f -> seen.add(f.id()));

        assertThat(requestsBeforeThePageEnds).isEqualTo(1);
        assertThat(seen).containsExactly("file_a", "file_b", "file_c");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    private static String page(boolean hasMore, String... ids) {
        List<String> files = new ArrayList<>();
        for (String id : ids) files.add(String.format(FILE, id));
        return "{\"object\":\"list\",\"data\":[" + String.join(",", files) + "],\"has_more\":" + hasMore + "}";
    }
}
