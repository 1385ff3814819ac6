package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.batches.Batch;
import dev.groqj.batches.BatchCreateRequest;
import dev.groqj.batches.BatchInput;
import dev.groqj.batches.BatchLine;
import dev.groqj.batches.BatchOutputLine;
import dev.groqj.batches.BatchStatus;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.NotFoundException;
import dev.groqj.files.FileObject;
import dev.groqj.files.FileUploadRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code client.files()} and {@code client.batches()} against the fake Groq, from chat requests to typed answers. */
class BatchesEndToEndTest {
    private final TestClock clock = TestClock.create();
    private FakeGroqServer groq;
    private GroqClient client;

    @BeforeEach
    void start() {
        groq = FakeGroqServer.builder().clock(clock).build().start();
        client = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        groq.close();
    }

    private static ChatRequest ask(String model, String question) {
        return ChatRequest.builder().model(model).addMessage(Message.user(question)).build();
    }

    @Test
    void chatRequestsGoInAsJsonlAndComeBackAsTypedCompletions(@TempDir Path dir) {
        BatchInput input = BatchInput.builder()
                .addChat("q-1", ask("llama-3.1-8b-instant", "why is the sky blue"))
                .addChat("q-2", ask("llama-3.3-70b-versatile", "name a prime"))
                .addChat("q-3", ask("no-such-model", "hello"))
                .build();
        FileObject file = client.files().upload(input.toUploadRequest("questions.jsonl"));
        assertThat(file.purpose()).isEqualTo("batch");
        assertThat(file.bytes()).isEqualTo(input.toBytes().length);
        assertThat(client.files().content(file.id())).isEqualTo(input.toBytes());

        Batch batch = client.batches().create(BatchCreateRequest.builder().inputFileId(file.id())
                .putMetadata("job", "e2e").build());
        assertThat(batch.status()).isEqualTo(BatchStatus.VALIDATING);
        assertThat(batch.metadata()).isEqualTo(Map.of("job", JsonValue.string("e2e")));
        assertThat(batch.expiresAt() - batch.createdAt()).isEqualTo(24 * 3600);

        List<BatchStatus> seen = new ArrayList<>();
        while (!batch.status().isTerminal()) {
            batch = client.batches().retrieve(batch.id());
            seen.add(batch.status());
        }
        assertThat(seen).containsExactly(BatchStatus.IN_PROGRESS, BatchStatus.FINALIZING, BatchStatus.COMPLETED);
        assertThat(batch.requestCounts()).isEqualTo(new Batch.RequestCounts(3, 2, 1, null));
        assertThat(batch.completedAt()).isNotNull();

        Path out = dir.resolve("answers.jsonl");
        client.files().content(batch.outputFileId(), out);
        List<BatchOutputLine> answers = BatchOutputLine.parse(out);
        assertThat(answers).extracting(BatchOutputLine::customId).containsExactly("q-1", "q-2");
        assertThat(answers.get(0).chatCompletion().choices().get(0).message().content())
                .isEqualTo("You said: why is the sky blue");
        assertThat(answers.get(1).chatCompletion().model()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(answers.get(0).response().requestId()).startsWith("req_01");

        List<BatchOutputLine> all = client.batches().results(batch);
        assertThat(all).extracting(BatchOutputLine::customId).containsExactly("q-1", "q-2", "q-3");
        BatchOutputLine failed = all.get(2);
        assertThat(failed.isSuccess()).isFalse();
        assertThat(failed.response().statusCode()).isEqualTo(404);
        assertThat(failed.response().body().get("error").get("code").asString()).isEqualTo("model_not_found");

        assertThat(client.files().retrieve(batch.outputFileId()).purpose()).isEqualTo("batch_output");
        assertThat(client.files().list().data()).extracting(FileObject::id)
                .containsExactly(file.id(), batch.outputFileId(), batch.errorFileId());
        assertThat(client.batches().list().data()).extracting(Batch::status).containsExactly(BatchStatus.COMPLETED);
    }

    @Test
    void theUploadArrivesAsAMultipartFormWithPurposeAndFile(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("in.jsonl");
        BatchInput.builder().addChat("a", ask("llama-3.1-8b-instant", "hi")).build().writeTo(jsonl);

        client.files().upload(FileUploadRequest.of(jsonl));

        RecordedRequest r = groq.takeRequest();
        assertThat(r.path()).isEqualTo("/openai/v1/files");
        assertThat(r.part("purpose").orElseThrow().text()).isEqualTo("batch");
        RecordedRequest.Part part = r.part("file").orElseThrow();
        assertThat(part.filename()).isEqualTo("in.jsonl");
        assertThat(part.bytes()).isEqualTo(Files.readAllBytes(jsonl));
    }

    @Test
    void aMalformedInputFileFailsValidationNamingItsLines() {
        String jsonl = BatchLine.chat("ok", ask("llama-3.1-8b-instant", "hi")).toJson() + "\n"
                + "{not json\n"
                + "{\"custom_id\":\"x\",\"method\":\"GET\",\"url\":\"/v1/chat/completions\",\"body\":{}}\n";
        FileObject file = client.files().upload(FileUploadRequest.builder()
                .file(jsonl.getBytes(StandardCharsets.UTF_8), "bad.jsonl").build());
        Batch batch = client.batches().create(BatchCreateRequest.builder().inputFileId(file.id()).build());

        batch = client.batches().retrieve(batch.id());

        assertThat(batch.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(batch.failedAt()).isNotNull();
        assertThat(batch.errors().data()).extracting(Batch.Error::line).containsExactly(2, 3);
        assertThat(batch.errors().data().get(1).message()).contains("POST");
        assertThat(client.batches().retrieve(batch.id()).status()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void cancelStopsARunningBatch() {
        FileObject file = client.files().upload(BatchInput.builder().addChat("a", ask("llama-3.1-8b-instant", "hi"))
                .build().toUploadRequest("in.jsonl"));
        Batch batch = client.batches().create(BatchCreateRequest.builder().inputFileId(file.id()).build());

        assertThat(client.batches().cancel(batch.id()).status()).isEqualTo(BatchStatus.CANCELLING);
        Batch cancelled = client.batches().retrieve(batch.id());

        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(cancelled.outputFileId()).isNull();
        assertThat(client.batches().results(cancelled)).isEmpty();
        assertThatThrownBy(() -> client.batches().cancel(batch.id())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void aBatchPastItsWindowExpiresOnTheInjectedClock() {
        FileObject file = client.files().upload(BatchInput.builder().addChat("a", ask("llama-3.1-8b-instant", "hi"))
                .build().toUploadRequest("in.jsonl"));
        Batch batch = client.async().batches().create(BatchCreateRequest.builder().inputFileId(file.id())
                .completionWindow("2d").build()).join();
        assertThat(client.batches().retrieve(batch.id()).status()).isEqualTo(BatchStatus.IN_PROGRESS);

        clock.advance(Duration.ofHours(48));
        Batch expired = client.async().batches().retrieve(batch.id()).join();

        assertThat(expired.status()).isEqualTo(BatchStatus.EXPIRED);
        assertThat(expired.expiredAt()).isEqualTo(expired.expiresAt());
    }

    @Test
    void unknownIdsAnswer404AndBadCreatesNameTheParameter() {
        assertThatThrownBy(() -> client.files().retrieve("file_nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.files().content("a/b")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> client.batches().retrieve("batch_nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.batches().cancel("batch_nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.batches().create(BatchCreateRequest.builder().inputFileId("file_nope").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.batches().create(BatchCreateRequest.builder().inputFileId("file_nope")
                .endpoint("/v1/embeddings").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).isEqualTo("endpoint"));

        FileObject file = client.files().upload(BatchInput.builder().addChat("a", ask("llama-3.1-8b-instant", "hi"))
                .build().toUploadRequest("in.jsonl"));
        assertThat(client.files().delete(file.id()).deleted()).isTrue();
        assertThatThrownBy(() -> client.files().delete(file.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void resetForgetsFilesAndBatches() {
        FileObject file = client.files().upload(BatchInput.builder().addChat("a", ask("llama-3.1-8b-instant", "hi"))
                .build().toUploadRequest("in.jsonl"));
        client.batches().create(BatchCreateRequest.builder().inputFileId(file.id()).build());

        groq.reset();

        assertThat(client.files().list().data()).isEmpty();
        assertThat(client.batches().list().data()).isEmpty();
    }
}
