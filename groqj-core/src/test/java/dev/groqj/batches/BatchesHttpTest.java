package dev.groqj.batches;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.GroqClient;
import dev.groqj.ScriptedServer;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import dev.groqj.files.FileUploadRequest;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batches service, its input builder and output parser against a real HTTP server on 127.0.0.1. */
class BatchesHttpTest {
    /** The spec's example answer, with a field this version does not know. */
    private static final String BATCH_JSON = "{\"id\":\"batch_01jh6xa7reempvjyh6n3yst2zw\",\"object\":\"batch\","
            + "\"endpoint\":\"/v1/chat/completions\",\"errors\":null,\"input_file_id\":\"file_01jh6x76wtemjr74t1fh0faj5t\","
            + "\"completion_window\":\"24h\",\"status\":\"validating\",\"output_file_id\":null,\"error_file_id\":null,"
            + "\"finalizing_at\":null,\"failed_at\":null,\"expired_at\":null,\"cancelled_at\":null,"
            + "\"request_counts\":{\"total\":0,\"completed\":0,\"failed\":0},\"metadata\":null,"
            + "\"created_at\":1736472600,\"expires_at\":1736559000,\"cancelling_at\":null,\"completed_at\":null,"
            + "\"in_progress_at\":null,\"priority\":\"low\"}";
    private static final ChatRequest CHAT = ChatRequest.builder().model("llama-3.1-8b-instant")
            .addMessage(Message.user("Why is the sky blue?")).build();

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
    void createSendsTheRequestAndReadsTheBatch() throws Exception {
        server.enqueue(Scripted.json(200, BATCH_JSON));

        Batch batch = client.batches().create(BatchCreateRequest.builder()
                .inputFileId("file_01jh6x76wtemjr74t1fh0faj5t").completionWindow("7d")
                .putMetadata("job", "nightly").build());

        ScriptedServer.Recorded r = server.takeRequest();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.rawPath()).isEqualTo("/openai/v1/batches");
        assertThat(Json.tree(r.bodyAsString())).isEqualTo(Json.tree("{\"input_file_id\":"
                + "\"file_01jh6x76wtemjr74t1fh0faj5t\",\"endpoint\":\"/v1/chat/completions\","
                + "\"completion_window\":\"7d\",\"metadata\":{\"job\":\"nightly\"}}"));
        assertThat(batch.status()).isSameAs(BatchStatus.VALIDATING);
        assertThat(batch.status().isTerminal()).isFalse();
        assertThat(batch.requestCounts()).isEqualTo(new Batch.RequestCounts(0, 0, 0, null));
        assertThat(batch.completionWindow()).isSameAs(CompletionWindow.HOURS_24);
        assertThat(batch.expiresAt()).isEqualTo(1736559000L);
        assertThat(batch.outputFileId()).isNull();
        assertThat(batch.additionalProperties().get("priority").asString()).isEqualTo("low");
    }

    @Test
    void metadataOfAnyJsonTypeAndUnknownFieldsOfTheSmallRecordsAreKept() {
        server.enqueue(Scripted.json(200, BATCH_JSON
                .replace("\"metadata\":null", "\"metadata\":{\"job\":\"n\",\"tries\":3,\"tags\":[\"a\"]}")
                .replace("\"failed\":0}", "\"failed\":0,\"cancelled\":1}")
                .replace("\"completion_window\":\"24h\"", "\"completion_window\":\"36h\"")));

        Batch batch = client.batches().retrieve("batch_1");

        assertThat(batch.metadata().get("job").asString()).isEqualTo("n");
        assertThat(batch.metadata().get("tries").asInt()).isEqualTo(3);
        assertThat(batch.metadata().get("tags").get(0).asString()).isEqualTo("a");
        assertThat(batch.requestCounts().additionalProperties().get("cancelled").asInt()).isEqualTo(1);
        assertThat(batch.completionWindow()).isEqualTo(CompletionWindow.ofHours(36));
        assertThat(Json.read("{\"object\":\"list\",\"data\":[{\"code\":\"c\",\"hint\":\"h\"}],\"more\":true}",
                Batch.Errors.class)).satisfies(errors -> {
                    assertThat(errors.additionalProperties()).containsKey("more");
                    assertThat(errors.data().get(0).additionalProperties().get("hint").asString()).isEqualTo("h");
                });
    }

    @Test
    void unknownStatusAndValidationErrorsParse() {
        server.enqueue(Scripted.json(200, BATCH_JSON.replace("\"validating\"", "\"paused\"")
                .replace("\"errors\":null", "\"errors\":{\"object\":\"list\",\"data\":[{\"code\":\"invalid_json\","
                        + "\"message\":\"bad line\",\"param\":null,\"line\":3}]}")));

        Batch batch = client.batches().retrieve("batch_1");

        assertThat(batch.status()).isEqualTo(BatchStatus.of("paused"));
        assertThat(batch.status().value()).isEqualTo("paused");
        assertThat(batch.errors().data()).containsExactly(new Batch.Error("invalid_json", "bad line", null, 3, null));
        assertThat(Json.writeString(batch)).contains("\"status\":\"paused\"");
    }

    @Test
    void idsWithOddCharactersTravelAsOneEncodedSegment() throws Exception {
        server.enqueue(Scripted.json(200, BATCH_JSON));
        server.enqueue(Scripted.json(200, BATCH_JSON.replace("\"validating\"", "\"cancelling\"")));

        client.batches().retrieve("batch/1 #2");
        Batch cancelled = client.async().batches().cancel("batch/1 #2").get();

        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/batches/batch%2F1%20%232");
        ScriptedServer.Recorded cancel = server.takeRequest();
        assertThat(cancel.method()).isEqualTo("POST");
        assertThat(cancel.rawPath()).isEqualTo("/openai/v1/batches/batch%2F1%20%232/cancel");
        assertThat(cancelled.status()).isSameAs(BatchStatus.CANCELLING);
    }

    @Test
    void listReadsEveryBatch() {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[" + BATCH_JSON + "]}"));

        assertThat(client.batches().list().data()).extracting(Batch::id)
                .containsExactly("batch_01jh6xa7reempvjyh6n3yst2zw");
    }

    @Test
    void inputLinesAreTheJsonlGroqExpects(@TempDir Path dir) {
        BatchInput input = BatchInput.builder().addChat("q-1", CHAT)
                .add(BatchLine.of("q-2", "POST", "/v1/chat/completions", java.util.Map.of("model", "m"))).build();

        String[] lines = new String(input.toBytes(), StandardCharsets.UTF_8).split("\n", -1);

        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        JsonNode first = Json.tree(lines[0]);
        assertThat(first.get("custom_id").asText()).isEqualTo("q-1");
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("url").asText()).isEqualTo("/v1/chat/completions");
        assertThat(first.get("body")).isEqualTo(Json.tree(Json.writeString(CHAT)));
        assertThat(first.get("body").has("stream")).isFalse();
        input.writeTo(dir.resolve("in.jsonl"));
        assertThat(FileUploadRequest.of(dir.resolve("in.jsonl")).file().size()).isEqualTo(input.toBytes().length);
        assertThat(input.toUploadRequest("in.jsonl").file().fileName()).isEqualTo("in.jsonl");
    }

    @Test
    void resultsAreTypedChatCompletionsFromTheOutputAndErrorFiles() throws Exception {
        String ok = "{\"id\":\"batch_req_1\",\"custom_id\":\"q-1\",\"response\":{\"status_code\":200,"
                + "\"request_id\":\"req_1\",\"body\":{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
                + "\"created\":1,\"model\":\"llama-3.1-8b-instant\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Rayleigh.\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}},\"error\":null}";
        String failed = "{\"id\":\"batch_req_2\",\"custom_id\":\"q-2\",\"response\":{\"status_code\":404,"
                + "\"request_id\":\"req_2\",\"body\":{\"error\":{\"message\":\"no model\"}}},\"error\":null}";
        String notRun = "{\"id\":\"batch_req_3\",\"custom_id\":\"q-3\",\"response\":null,"
                + "\"error\":{\"code\":\"batch_expired\",\"message\":\"expired\"}}";
        server.enqueue(Scripted.json(200, ok + "\n\n"));
        server.enqueue(Scripted.json(200, failed + "\n" + notRun + "\n"));
        Batch done = Json.read(BATCH_JSON.replace("\"validating\"", "\"completed\"")
                .replace("\"output_file_id\":null", "\"output_file_id\":\"file_out\"")
                .replace("\"error_file_id\":null", "\"error_file_id\":\"file_err\""), Batch.class);

        List<BatchOutputLine> results = client.batches().results(done);

        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files/file_out/content");
        assertThat(server.takeRequest().rawPath()).isEqualTo("/openai/v1/files/file_err/content");
        assertThat(results).extracting(BatchOutputLine::customId).containsExactly("q-1", "q-2", "q-3");
        ChatCompletion completion = results.get(0).chatCompletion();
        assertThat(completion.choices().get(0).message().content()).isEqualTo("Rayleigh.");
        assertThat(completion.usage().totalTokens()).isEqualTo(6);
        assertThat(results.get(0).response().requestId()).isEqualTo("req_1");
        assertThat(results.get(1).isSuccess()).isFalse();
        assertThat(results.get(1).chatCompletion()).isNull();
        assertThat(results.get(1).response().statusCode()).isEqualTo(404);
        assertThat(results.get(2).error()).isEqualTo(new BatchOutputLine.Error("batch_expired", "expired"));
    }

    @Test
    void aBrokenResultLineNamesItsLineNumber() {
        assertThatThrownBy(() -> BatchOutputLine.parse("{\"custom_id\":\"a\"}\n{oops\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GroqException.class).hasMessageContaining("line 2");
    }

    @Test
    void resultsParseFromAFileLineByLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("out.jsonl"), "{\"custom_id\":\"a\",\"response\":{\"status_code\":200,"
                + "\"body\":{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}}}\n");

        List<BatchOutputLine> lines = BatchOutputLine.parse(file);

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.isSuccess()).isTrue();
            assertThat(l.chatCompletion().model()).isEqualTo("m");
        });
    }

    @Test
    void invalidArgumentsNameTheirParameterBeforeAnythingIsSent() {
        assertInvalid("input_file_id", "required", () -> BatchCreateRequest.builder().build());
        assertInvalid("completion_window", "24h to 7d", () -> BatchCreateRequest.builder().inputFileId("f")
                .completionWindow("23h").build());
        assertInvalid("completion_window", "24h to 7d", () -> BatchCreateRequest.builder().inputFileId("f")
                .completionWindow("8d").build());
        assertInvalid("completion_window", "24h to 7d", () -> BatchCreateRequest.builder().inputFileId("f")
                .completionWindow("1 day").build());
        assertInvalid("endpoint", "/v1/chat/completions", () -> BatchCreateRequest.builder().inputFileId("f")
                .endpoint("chat/completions").build());
        assertInvalid("custom_id", "required", () -> BatchLine.chat(" ", CHAT));
        assertInvalid("custom_id", "used twice", () -> BatchInput.builder().addChat("a", CHAT).addChat("a", CHAT)
                .build());
        assertInvalid("input", "at least one", () -> BatchInput.builder().build());
        assertInvalid("batch_id", "required", () -> client.batches().retrieve(""));
        assertInvalid("batch_id", "required", () -> client.async().batches().cancel(null));
        assertThat(BatchCreateRequest.builder().inputFileId("f").completionWindow("168h").build().completionWindow())
                .isEqualTo(CompletionWindow.ofHours(168));
        assertThat(BatchCreateRequest.builder().inputFileId("f").completionWindow(CompletionWindow.DAYS_7).build()
                .completionWindow().value()).isEqualTo("7d");
        assertInvalid("completion_window", "from 24h to 7d", () -> BatchCreateRequest.builder().inputFileId("f")
                .completionWindow(CompletionWindow.ofDays(8)).build());
        assertThat(BatchCreateRequest.builder().inputFileId("f").build().toBuilder().completionWindow("2d").build()
                .metadata()).isNull();
        assertThat(server.requestCount()).isZero();
    }

    private static void assertInvalid(String param, String message, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.param()).isEqualTo(param);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
