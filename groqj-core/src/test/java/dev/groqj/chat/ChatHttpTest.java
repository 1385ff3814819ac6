package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.Fixtures;
import dev.groqj.GroqClient;
import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.ScriptedServer;
import dev.groqj.error.ApiException;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chat over a real socket: request bytes, recorded Groq answers replayed, stream failures and aborts. */
class ChatHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    private ScriptedServer server;
    private GroqClient client;

    private static final ChatRequest HELLO = ChatRequest.builder()
            .model("llama-3.3-70b-versatile")
            .addMessage(Message.system("Be brief."))
            .addMessage(Message.user("Hello"))
            .build();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createSendsOnlyWhatWasSet() throws Exception {
        server.json(200, Fixtures.read("recorded/vercel-ai/groq-text.json"));
        client.chat().create(HELLO.toBuilder().temperature(0.2).build());
        JsonNode sent = Json.MAPPER.readTree(server.takeRequest().bodyAsString());
        assertThat(sent.get("model").asText()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(sent.get("messages")).hasSize(2);
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.has("stream")).isFalse();
        assertThat(sent.has("top_p")).isFalse();
        assertThat(sent.has("n")).isFalse();
    }

    @Test
    void createWithResponseKeepsHeaders() throws Exception {
        server.json(200, Fixtures.read("recorded/vercel-ai/groq-text.json"), "x-request-id", "req_abc");
        GroqResponse<ChatCompletion> r = client.chat().createWithResponse(HELLO, RequestOptions.DEFAULT);
        assertThat(r.requestId()).isEqualTo("req_abc");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.value().choices().get(0).message().content()).isNotBlank();
    }

    @Test
    void extraHeadersOfTheRequestAreSent() throws Exception {
        server.json(200, Fixtures.read("recorded/vercel-ai/groq-text.json"));
        client.chat().create(HELLO.toBuilder().extraHeader("X-Custom", "yes").build());
        assertThat(server.takeRequest().header("X-Custom")).isEqualTo("yes");
    }

    /** Every recorded chat exchange, replayed through a local server, parses into what its bytes say. */
    @TestFactory
    Stream<DynamicTest> everyRecordedChatExchangeReplays() {
        return Fixtures.chatInteractions().stream().map(i -> DynamicTest.dynamicTest(i.toString(), () -> {
            try (ScriptedServer s = new ScriptedServer()) {
                GroqClient c = GroqClient.builder().apiKey(KEY).baseUrl(s.baseUrl()).maxRetries(0).build();
                s.replay(i);
                if (i.status() >= 400) {
                    JsonNode error = Json.MAPPER.readTree(i.responseBody()).get("error");
                    assertThatThrownBy(() -> c.chat().create(HELLO))
                            .isInstanceOfSatisfying(ApiException.class, e -> {
                                assertThat(e.statusCode()).isEqualTo(i.status());
                                assertThat(e.errorCode()).isEqualTo(text(error, "code"));
                                assertThat(e.getMessage()).contains(text(error, "message"));
                            });
                } else if (i.isStream()) {
                    assertStreamMatchesRecording(c, i);
                } else {
                    JsonNode body = Json.MAPPER.readTree(i.responseBody());
                    ChatCompletion completion = c.chat().create(HELLO);
                    assertThat(completion.id()).isEqualTo(body.get("id").asText());
                    assertThat(completion.choices().get(0).message().content())
                            .isEqualTo(text(body.get("choices").get(0).get("message"), "content"));
                    assertThat(completion.usage().totalTokens()).isEqualTo(body.get("usage").get("total_tokens").asInt());
                }
            }
        }));
    }

    private static void assertStreamMatchesRecording(GroqClient c, Fixtures.Interaction i) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        JsonNode error = null;
        for (String line : i.responseText().split("\n")) {
            if (!line.startsWith("data: ") || line.equals("data: [DONE]")) continue;
            JsonNode node = Json.MAPPER.readTree(line.substring(6));
            if (node.has("error")) error = node.get("error");
            else chunks.add(node);
        }
        StringBuilder content = new StringBuilder();
        JsonNode usage = null;
        for (JsonNode chunk : chunks) {
            for (JsonNode choice : chunk.path("choices")) {
                JsonNode piece = choice.path("delta").get("content");
                if (piece != null && !piece.isNull()) content.append(piece.asText());
            }
            if (chunk.path("x_groq").has("usage")) usage = chunk.get("x_groq").get("usage");
        }
        if (error != null) {
            JsonNode expected = error;
            assertThatThrownBy(() -> c.chat().stream(HELLO).accumulate())
                    .isInstanceOfSatisfying(StreamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(expected.get("status_code").asInt());
                        assertThat(e.errorCode()).isEqualTo(text(expected, "code"));
                        assertThat(e.partialContent()).isEqualTo(content.toString());
                    });
            return;
        }
        ChatCompletion whole = c.chat().stream(HELLO).accumulate();
        assertThat(whole.id()).isEqualTo(chunks.get(0).get("id").asText());
        assertThat(whole.choices().get(0).message().content()).isEqualTo(content.toString());
        if (usage != null) {
            assertThat(whole.usage().totalTokens()).isEqualTo(usage.get("total_tokens").asInt());
        }
    }

    @Test
    void streamDeliversChunksOfARecordedStreamInOrder() throws Exception {
        List<String> lines = Fixtures.read("recorded/vercel-ai/groq-text.chunks.txt").lines().toList();
        server.sse(framed(lines), 7);
        int count = 0;
        StringBuilder text = new StringBuilder();
        try (ChatStream stream = client.chat().stream(HELLO)) {
            for (ChatCompletionChunk chunk : stream) {
                count++;
                if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content() != null) {
                    text.append(chunk.choices().get(0).delta().content());
                }
            }
        }
        assertThat(count).isEqualTo(lines.size());
        assertThat(text).isNotEmpty();
        JsonNode sent = Json.MAPPER.readTree(server.takeRequest().bodyAsString());
        assertThat(sent.get("stream").asBoolean()).isTrue();
    }

    @Test
    void accumulateAfterIteratingGivesTheCompletionOfEveryChunk() {
        List<String> lines = Fixtures.read("recorded/vercel-ai/groq-text.chunks.txt").lines().toList();
        server.sse(framed(lines), 64);
        StringBuilder seen = new StringBuilder();
        ChatCompletion whole;
        try (ChatStream stream = client.chat().stream(HELLO)) {
            for (ChatCompletionChunk chunk : stream) seen.append(chunk.content());
            whole = stream.accumulate();
            assertThat(stream.accumulate()).isEqualTo(whole);
            assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("accumulate()");
        }
        assertThat(whole.content()).isEqualTo(seen.toString()).isNotEmpty();
        assertThat(whole.usage()).isNotNull();
    }

    @Test
    void accumulateAfterBreakingOffReadsTheRest() {
        List<String> lines = Fixtures.read("recorded/vercel-ai/groq-text.chunks.txt").lines().toList();
        server.sse(framed(lines), 64);
        try (ChatStream stream = client.chat().stream(HELLO)) {
            Iterator<ChatCompletionChunk> it = stream.iterator();
            String first = it.next().content() + it.next().content();
            ChatCompletion whole = stream.accumulate();
            assertThat(whole.content()).startsWith(first).hasSizeGreaterThan(first.length());
        }
    }

    @Test
    void accumulateOfAStreamClosedBeforeItsEndSaysSo() {
        List<String> lines = Fixtures.read("recorded/vercel-ai/groq-text.chunks.txt").lines().toList();
        server.sse(framed(lines), 64);
        ChatStream stream = client.chat().stream(HELLO);
        stream.iterator().next();
        stream.close();
        assertThatThrownBy(stream::accumulate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed before its end, after 1 chunk(s)");
    }

    @Test
    void accumulateRebuildsToolCallsAndUsage() {
        List<String> lines = Fixtures.read("recorded/vercel-ai/groq-tool-call.chunks.txt").lines().toList();
        server.sse(framed(lines), 64);
        ChatCompletion whole = client.chat().stream(HELLO).accumulate();
        ToolCall call = whole.choices().get(0).message().toolCalls().get(0);
        assertThat(call.function().name()).isNotBlank();
        assertThat(Json.tree(call.function().arguments()).isObject()).isTrue();
        assertThat(whole.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(whole.usage()).isNotNull();
    }

    @Test
    void inStreamErrorEventBecomesStreamExceptionWithPartialContent() {
        server.sse(List.of(
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n",
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\n",
                "event: error\ndata: {\"error\":{\"message\":\"Failed to call a function.\",\"type\":\"invalid_request_error\",\"code\":\"tool_use_failed\",\"failed_generation\":\"{}\",\"status_code\":400}}\n\n"), 0);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (ChatStream stream = client.chat().stream(HELLO)) {
                for (ChatCompletionChunk chunk : stream) seen.add(chunk.choices().get(0).delta().content());
            }
        }).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("tool_use_failed");
            assertThat(e.failedGeneration()).isEqualTo("{}");
            assertThat(e.partialContent()).isEqualTo("Hello");
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(seen).containsExactly("Hel", "lo");
    }

    @Test
    void connectionCutMidStreamBecomesStreamException() {
        server.sseCut(List.of(
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial \"}}]}\n\n",
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"answer\"}}]}\n\n"));
        assertThatThrownBy(() -> client.chat().stream(HELLO).accumulate())
                .isInstanceOfSatisfying(StreamException.class, e -> {
                    assertThat(e.statusCode()).isZero();
                    assertThat(e.partialContent()).isEqualTo("partial answer");
                    assertThat(e.getMessage()).contains("broke off");
                });
    }

    @Test
    void cleanEndWithoutDoneEndsTheStream() {
        server.sse(List.of("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"), 0);
        assertThat(client.chat().stream(HELLO).accumulate().choices().get(0).message().content()).isEqualTo("ok");
    }

    @Test
    void errorStatusAtTheStartMapsToTypedException() {
        server.json(404, "{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}");
        assertThatThrownBy(() -> client.chat().stream(HELLO))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo("model_not_found"));
    }

    @Test
    void breakingOutOfTheLoopAbortsTheExchange() throws Exception {
        String chunk = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok \"}}]}\n\n";
        server.sseEndless(chunk);
        try (ChatStream stream = client.chat().stream(HELLO)) {
            Iterator<ChatCompletionChunk> it = stream.iterator();
            assertThat(it.next().choices().get(0).delta().content()).isEqualTo("tok ");
        }
        assertThat(server.awaitClientAbort()).as("server saw the client abort").isTrue();
    }

    @Test
    void streamCanBeIteratedOnce() {
        server.sse(List.of("data: [DONE]\n\n"), 0);
        try (ChatStream stream = client.chat().stream(HELLO)) {
            stream.iterator();
            assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    private static List<String> framed(List<String> jsonLines) {
        List<String> events = new ArrayList<>();
        for (String l : jsonLines) events.add("data: " + l + "\n\n");
        events.add("data: [DONE]\n\n");
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
