package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(FakeGroqServerExtension.class)
class ScriptsAndFaultsTest {
    private static final String CHAT = "{\"model\":\"llama-3.1-8b-instant\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three\"}]}";
    private static final String STREAM = CHAT.replace("{\"model\"", "{\"stream\":true,\"model\"");

    @Test
    void statusSequenceThenTheModelAnswers(FakeGroqServer server) {
        server.enqueueStatuses(Endpoint.CHAT_COMPLETIONS, 503, 503, 200);
        server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.status(498));
        Http http = new Http(server);

        HttpResponse<String> first = http.postJson("/chat/completions", CHAT);
        assertThat(first.statusCode()).isEqualTo(503);
        ChatCompletionsTest.assertError(first, "internal_server_error", "service_unavailable");
        assertThat(first.headers().firstValue("x-request-id")).isPresent();
        assertThat(http.postJson("/chat/completions", CHAT).statusCode()).isEqualTo(503);
        assertThat(http.postJson("/chat/completions", CHAT).statusCode()).isEqualTo(200);
        HttpResponse<String> flex = http.postJson("/chat/completions", CHAT);
        assertThat(flex.statusCode()).isEqualTo(498);
        ChatCompletionsTest.assertError(flex, "capacity_exceeded", "capacity_exceeded");
        assertThat(http.postJson("/chat/completions", CHAT).statusCode()).isEqualTo(200);
    }

    @Test
    void exactResponseWithCustomHeadersAndBody(FakeGroqServer server) {
        server.enqueue(Endpoint.MODELS_LIST, ScriptedResponse.builder().status(413).header("content-type", "text/plain")
                .body("too big").build());
        HttpResponse<String> response = new Http(server).get("/models");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("too big");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
    }

    @Test
    void rateLimitedScriptCarriesRetryAfterAndGroqsBody(FakeGroqServer server) {
        server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.rateLimited(Duration.ofMillis(1500)));

        HttpResponse<String> response = new Http(server).postJson("/chat/completions", CHAT);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("2");
        ChatCompletionsTest.assertError(response, "requests", "rate_limit_exceeded");
    }

    @Test
    void scriptsForAModelWinOverScriptsForTheEndpointAndLeaveOtherModelsAlone(FakeGroqServer server) {
        server.enqueueForModel("llama-3.1-8b-instant", ScriptedResponse.json(200, "{\"scripted\":\"model\"}"));
        server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.json(200, "{\"scripted\":\"endpoint\"}"));
        Http http = new Http(server);

        String other = CHAT.replace("llama-3.1-8b-instant", "llama-3.3-70b-versatile");
        assertThat(http.postJson("/chat/completions", other).body()).isEqualTo("{\"scripted\":\"endpoint\"}");
        assertThat(http.postJson("/chat/completions", CHAT).body()).isEqualTo("{\"scripted\":\"model\"}");
        assertThat(http.postJson("/chat/completions", CHAT).body()).contains("You said: one two three");
    }

    @Test
    void scriptedHeadersOverrideTheServersOwn(FakeGroqServer server) {
        server.enqueue(ScriptedResponse.json(200, "{}").toBuilder().header("X-Request-Id", "req_scripted")
                .header("x-ratelimit-remaining-tokens", "7").build());

        HttpResponse<String> response = new Http(server).get("/models");

        assertThat(response.headers().firstValue("x-request-id")).hasValue("req_scripted");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue("7");
        assertThat(response.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("1000000");
    }

    @Test
    void malformedJsonIsSentAsIs(FakeGroqServer server) {
        server.enqueue(ScriptedResponse.malformedJson());
        HttpResponse<String> response = new Http(server).postJson("/chat/completions", CHAT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"id\"").doesNotEndWith("}");
    }

    @Test
    void disconnectMidBodyTruncatesTheResponse(FakeGroqServer server) {
        server.enqueue(ScriptedResponse.modelAnswer().toBuilder().disconnectAfterBytes(40).build());
        Http http = new Http(server);

        assertThatThrownBy(() -> http.postJson("/chat/completions", CHAT)).hasRootCauseInstanceOf(IOException.class);
        assertThat(http.postJson("/chat/completions", CHAT).statusCode()).isEqualTo(200); // the server goes on
    }

    @Test
    void disconnectMidStreamAfterSomeEvents(FakeGroqServer server) throws Exception {
        server.enqueue(ScriptedResponse.modelAnswer().toBuilder().disconnectAfterBytes(500).build());

        HttpResponse<InputStream> response = Http.CLIENT.send(new Http(server).request("/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString(STREAM)).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream in = response.body()) {
            assertThat(Http.readLine(in)).startsWith("data: {");
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    void streamEventsArriveWhileTheStreamIsStillOpen() throws Exception {
        try (FakeGroqServer server = FakeGroqServer.create().start()) {
            // Every event after the first waits 30 s: reading the first proves it was flushed on its own.
            server.enqueue(ScriptedResponse.modelAnswer().toBuilder().chunkDelay(Duration.ofSeconds(30)).build());

            HttpResponse<InputStream> response = Http.CLIENT.send(new Http(server).request("/chat/completions")
                    .POST(HttpRequest.BodyPublishers.ofString(STREAM)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());

            InputStream in = response.body();
            assertThat(Http.readLine(in)).startsWith("data: {").contains("\"role\":\"assistant\"");
            server.close(); // releases the held stream at once, cutting it short
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    void streamErrorEventHasStatusCodeAndNoDone(FakeGroqServer server) {
        server.enqueue(ScriptedResponse.streamError(400, "invalid_request_error", "tool_use_failed",
                "Tool call validation failed"));

        HttpResponse<String> response = new Http(server).postJson("/chat/completions", STREAM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.body()).contains("event: error\ndata: {\"error\":{").doesNotContain("[DONE]");
        List<JsonNode> data = Http.events(response.body());
        JsonNode error = data.get(data.size() - 1).get("error");
        assertThat(error.get("status_code").asInt()).isEqualTo(400);
        assertThat(error.get("code").asText()).isEqualTo("tool_use_failed");
    }

    @Test
    void customSseEventsAreSentVerbatim(FakeGroqServer server) {
        server.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.sse(List.of("data: {\"a\":1}", "data: [DONE]")));
        assertThat(new Http(server).postJson("/chat/completions", STREAM).body())
                .isEqualTo("data: {\"a\":1}\n\ndata: [DONE]\n\n");
    }

    @Test
    void latencyBeforeHeadersTripsAClientTimeout(FakeGroqServer server) {
        server.enqueue(ScriptedResponse.modelAnswer().toBuilder().headersDelay(Duration.ofSeconds(30)).build());
        HttpRequest request = new Http(server).request("/models").timeout(Duration.ofMillis(300)).GET().build();

        assertThatThrownBy(() -> Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aHangingServerNeverAnswersUntilItCloses(FakeGroqServer server) {
        server.enqueue(ScriptedResponse.modelAnswer().toBuilder().hang().build());
        HttpRequest request = new Http(server).request("/models").timeout(Duration.ofMillis(300)).GET().build();

        assertThatThrownBy(() -> Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(server.takeRequest().path()).isEqualTo("/openai/v1/models");
    }

    @Test
    void journalRecordsMethodPathHeadersAndJson(FakeGroqServer server) {
        Http http = new Http(server);
        http.postJson("/chat/completions", CHAT);
        http.get("/models");

        assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "GET");
        RecordedRequest chat = server.takeRequest();
        assertThat(chat.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(chat.header("authorization")).isEqualTo("Bearer " + server.apiKey());
        assertThat(chat.header("Content-Type")).isEqualTo("application/json");
        assertThat(chat.json().get("messages").get(0).get("content").asString()).isEqualTo("one two three");
        assertThat(chat.timestamp()).isNotNull();
        assertThat(server.takeRequest().method()).isEqualTo("GET");
        assertThat(server.takeRequest(Duration.ofMillis(1))).isNull();

        server.clearJournal();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void eachTestStartsWithAFreshServer(FakeGroqServer server) {
        assertThat(server.requests()).isEmpty();
        assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/openai/v1");
        assertThat(server.rootUrl() + FakeGroqServer.API_PREFIX).isEqualTo(server.baseUrl());
    }
}
