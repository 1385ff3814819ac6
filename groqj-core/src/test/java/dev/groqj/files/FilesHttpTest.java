package dev.groqj.files;

import dev.groqj.GroqClient;
import dev.groqj.Page;
import dev.groqj.ScriptedServer;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.audio.AudioFile;
import dev.groqj.audio.TranscriptionRequest;
import dev.groqj.error.FileSourceException;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.ValidationException;
import dev.groqj.transport.FileSource;
import dev.groqj.transport.MultipartReader;
import dev.groqj.transport.MultipartReader.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files service against a real HTTP server on 127.0.0.1. */
class FilesHttpTest {
    private static final String FILE_JSON = "{\"id\":\"file_01jh6x76wtemjr74t1fh0faj5t\",\"object\":\"file\","
            + "\"bytes\":966,\"created_at\":1736472501,\"filename\":\"batch_file.jsonl\",\"purpose\":\"batch\","
            + "\"status\":\"processed\"}";
    private static final byte[] JSONL = ("{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
            + "\"body\":{}}\n").getBytes(StandardCharsets.UTF_8);

    private ScriptedServer server;
    private GroqClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = GroqClient.builder().apiKey("gsk_test").baseUrl(server.baseUrl()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void uploadSendsPurposeThenTheFileByteForByte(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("questions.jsonl"), JSONL);
        server.enqueue(Scripted.json(200, FILE_JSON));

        FileObject uploaded = client.files().upload(FileUploadRequest.of(file));

        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/openai/v1/files");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(r.body().length));
        List<Part> parts = MultipartReader.parse(r.body(), r.header("Content-Type"));
        assertThat(parts).extracting(Part::name).containsExactly("purpose", "file");
        assertThat(parts.get(0).text()).isEqualTo("batch");
        assertThat(parts.get(1).fileName()).isEqualTo("questions.jsonl");
        assertThat(parts.get(1).contentType()).isEqualTo("application/octet-stream");
        assertThat(parts.get(1).body()).isEqualTo(JSONL);
        assertThat(uploaded.id()).isEqualTo("file_01jh6x76wtemjr74t1fh0faj5t");
        assertThat(uploaded.bytes()).isEqualTo(966);
        assertThat(uploaded.createdAt()).isEqualTo(1736472501L);
        assertThat(uploaded.additionalProperties().get("status").asString()).isEqualTo("processed");
    }

    @Test
    void oneShotStreamUploadIsNotRetried() throws Exception {
        GroqClient retrying = GroqClient.builder().apiKey("gsk_test").baseUrl(server.baseUrl()).maxRetries(3)
                .sleeper(d -> { }).build();
        server.enqueue(Scripted.json(503, "{\"error\":{\"message\":\"busy\",\"type\":\"internal_server_error\"}}"));

        assertThatThrownBy(() -> retrying.files().upload(FileUploadRequest.builder()
                .file(FileSource.ofStream(new ByteArrayInputStream(JSONL), "q.jsonl")).build()))
                .isInstanceOf(dev.groqj.error.ServerException.class);
        assertThat(server.requestCount()).isEqualTo(1);
        retrying.close();
    }

    @Test
    void idsWithOddCharactersTravelAsOneEncodedSegment() throws Exception {
        server.enqueue(Scripted.json(200, FILE_JSON));
        server.enqueue(Scripted.json(200, "{\"id\":\"a/b c?\",\"object\":\"file\",\"deleted\":true}"));
        server.enqueue(Scripted.json(200, "x"));

        client.files().retrieve("a/b c?");
        FileDeleted deleted = client.files().delete("a/b c?");
        client.files().content("a/b c?");

        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files/a%2Fb%20c%3F");
        ScriptedServer.Recorded delete = server.takeRequest();
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.rawPath()).isEqualTo("/openai/v1/files/a%2Fb%20c%3F");
        assertThat(deleted.deleted()).isTrue();
        ScriptedServer.Recorded content = server.takeRequest();
        assertThat(content.rawPath()).isEqualTo("/openai/v1/files/a%2Fb%20c%3F/content");
        assertThat(content.header("Accept")).isEqualTo("application/octet-stream, */*");
    }

    @Test
    void listReadsEveryFile() {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[" + FILE_JSON + "," + FILE_JSON + "]}"));

        Page<FileObject> list = client.files().list();

        assertThat(list.hasNextPage()).as("no has_more: the whole list, one page").isFalse();
        assertThat(list.data()).hasSize(2).allSatisfy(f -> assertThat(f.purpose()).isEqualTo("batch"));
    }

    @Test
    void contentIsStreamedToAPathAndToAStream(@TempDir Path dir) throws Exception {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('a' + i % 26);
        server.enqueue(new Scripted(200, java.util.Map.of("Content-Type", "application/octet-stream"),
                List.of(java.util.Arrays.copyOf(big, 100_000),
                        java.util.Arrays.copyOfRange(big, 100_000, big.length)), -1, null, 0));
        server.enqueue(Scripted.json(200, "hello"));
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old");

        long written = client.files().content("file_1", target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long streamed = client.files().content("file_2", out);

        assertThat(written).isEqualTo(big.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(dir.toFile().list()).containsExactly("out.jsonl"); // no .part left behind
        assertThat(streamed).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void unknownFileIsNotFoundAndLeavesTheTargetAlone(@TempDir Path dir) throws Exception {
        server.enqueue(Scripted.json(404, "{\"error\":{\"message\":\"file not found\",\"type\":"
                + "\"invalid_request_error\",\"code\":\"not_found\"}}"));
        Path target = Files.writeString(dir.resolve("keep.jsonl"), "old");

        assertThatThrownBy(() -> client.files().content("file_missing", target))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("file not found");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(dir.toFile().list()).containsExactly("keep.jsonl");
    }

    @Test
    void asyncMirrorUploadsAndReadsContent() throws Exception {
        server.enqueue(Scripted.json(200, FILE_JSON));
        server.enqueue(Scripted.json(200, "line\n"));

        FileObject f = client.async().files().upload(FileUploadRequest.builder().file(JSONL, "q.jsonl").build()).get();
        byte[] content = client.async().files().content(f.id()).get();

        ScriptedServer.Recorded upload = server.takeRequest();
        assertThat(MultipartReader.parse(upload.body(), upload.header("Content-Type")))
                .extracting(p -> p.name() + "=" + (p.fileName() == null ? p.text() : p.fileName()))
                .containsExactly("purpose=batch", "file=q.jsonl");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files/file_01jh6x76wtemjr74t1fh0faj5t/content");
        assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("line\n");
    }

    @Test
    void invalidArgumentsNameTheirParameterBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
        assertInvalid("file", "is required", () -> FileUploadRequest.builder().build());
        assertInvalid("file", ".jsonl", () -> FileUploadRequest.builder().file(JSONL, "q.json").build());
        assertInvalid("file", "200 MB", () -> FileUploadRequest.builder()
                .file(FileSource.of(() -> InputStream.nullInputStream(), "big.jsonl", 200L * 1024 * 1024 + 1)).build());
        assertInvalid("purpose", "batch", () -> FileUploadRequest.builder().file(JSONL, "q.jsonl")
                .purpose("fine-tune").build());
        assertInvalid("file", "is a directory", () -> FileUploadRequest.of(dir));
        assertInvalid("file_id", "required", () -> client.files().retrieve(" "));
        assertInvalid("file_id", "required", () -> client.files().content(null, dir.resolve("x")));
        assertInvalid("file_id", "required", () -> client.async().files().delete(""));
        assertThat(FileUploadRequest.builder().file(FileSource.of(() -> InputStream.nullInputStream(), "ok.JSONL",
                200L * 1024 * 1024)).build().file().size()).isEqualTo(200L * 1024 * 1024);
        assertThat(server.requestCount()).isZero();
    }

    private static void assertInvalid(String param, String message, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.param()).isEqualTo(param);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void unreadableSourceFailsAnAsyncUploadWithFileSourceExceptionAndIsNotRetried() {
        AtomicInteger opens = new AtomicInteger();
        FileSource gone = FileSource.of(() -> openBucket(opens), "batch.jsonl");
        GroqClient retrying = GroqClient.builder().apiKey("gsk_test").baseUrl(server.baseUrl()).maxRetries(3).build();

        assertThatThrownBy(() -> retrying.async().files().upload(FileUploadRequest.builder().file(gone).build()).join())
                .hasCauseInstanceOf(FileSourceException.class).hasMessageContaining("bucket gone");
        assertThat(opens).hasValue(1);
    }

    @Test
    void openerThrowingIOExceptionFailsABlockingTranscriptionOnceWithFileSourceException() {
        AtomicInteger opens = new AtomicInteger();
        GroqClient retrying = GroqClient.builder().apiKey("gsk_test").baseUrl(server.baseUrl()).maxRetries(3).build();

        assertThatThrownBy(() -> retrying.audio().transcribe(TranscriptionRequest.builder()
                .file(AudioFile.of(() -> openBucket(opens), "talk.ogg")).model("whisper-large-v3").build()))
                .isInstanceOf(FileSourceException.class).hasMessageContaining("bucket gone");
        assertThat(opens).hasValue(1);
    }

    /** Stands for a storage client whose open method throws a checked IOException. */
    private static InputStream openBucket(AtomicInteger opens) throws IOException {
        opens.incrementAndGet();
        throw new IOException("bucket gone");
    }
}
