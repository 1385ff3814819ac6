package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FakeGroqServerExtension.class)
class ChatCompletionsTest {
    private static final String HELLO = "{\"model\":\"llama-3.3-70b-versatile\",\"messages\":["
            + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello there, Groq\"}]}";

    private final FakeGroqServer server;
    private final Http http;

    ChatCompletionsTest(FakeGroqServer server) {
        this.server = server;
        this.http = new Http(server);
    }

    @Test
    void completionEchoesTheLastUserMessageWithUsageAndMatchingRequestId() {
        HttpResponse<String> response = http.postJson("/chat/completions", HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode body = Http.json(response);
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("model").asText()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("message").get("content").asText()).isEqualTo("You said: Hello there, Groq");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(5); // "Be brief." + "Hello there, Groq"
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(5);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(10);
        assertThat(usage.get("total_time").asDouble())
                .isEqualTo(usage.get("prompt_time").asDouble() + usage.get("completion_time").asDouble());
        assertThat(usage.get("queue_time").asDouble()).isPositive();
        String requestId = body.get("x_groq").get("id").asText();
        assertThat(requestId).matches("req_01[0-9a-z]{24}");
        assertThat(response.headers().firstValue("x-request-id")).hasValue(requestId);
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("999999"); // of the day
        assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).hasValueSatisfying(
                v -> assertThat(v).matches("\\d+(\\.\\d+)?(ms|s)"));
    }

    @Test
    void sameRequestGetsTheSameAnswer() {
        String first = Http.json(http.postJson("/chat/completions", HELLO)).get("choices").toString();
        String second = Http.json(http.postJson("/chat/completions", HELLO)).get("choices").toString();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void streamSendsOneTokenPerChunkThenUsageThenDone() {
        HttpResponse<String> response = http.postJson("/chat/completions", HELLO.replace("{\"model\"",
                "{\"stream\":true,\"model\""));

        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = Http.events(response.body());
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(chunks.get(0).get("x_groq").get("id").asText()).isEqualTo(requestId);
        assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asText()).isEqualTo("assistant");
        String content = chunks.stream().map(c -> c.get("choices").get(0).get("delta").path("content").asText(""))
                .collect(Collectors.joining());
        assertThat(content).isEqualTo("You said: Hello there, Groq");
        assertThat(chunks).hasSize(1 + 5 + 1);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.get("x_groq").get("id").asText()).isEqualTo(requestId);
        assertThat(last.get("x_groq").get("usage").get("completion_tokens").asInt()).isEqualTo(5);
        assertThat(last.get("usage")).isEqualTo(last.get("x_groq").get("usage"));
        assertThat(chunks).extracting(c -> c.get("id").asText()).containsOnly(chunks.get(0).get("id").asText());
    }

    @Test
    void missingAuthorizationIs401InvalidApiKey() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(HELLO)).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertError(response, "invalid_request_error", "invalid_api_key");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void wrongApiKeyIs401() {
        HttpResponse<String> response = Http.send(http.request("/models")
                .setHeader("Authorization", "Bearer gsk_wrong").GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("error").get("message").asText()).isEqualTo("Invalid API Key");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = http.postJson("/chat/completions", "{\"model\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertError(response, "invalid_request_error", null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing model|{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|model",
            "missing messages|{\"model\":\"llama-3.1-8b-instant\"}|messages",
            "logprobs|{\"model\":\"llama-3.1-8b-instant\",\"logprobs\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|logprobs",
            "logit_bias|{\"model\":\"llama-3.1-8b-instant\",\"logit_bias\":{\"1\":2},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|logit_bias",
            "top_logprobs|{\"model\":\"llama-3.1-8b-instant\",\"top_logprobs\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|top_logprobs",
            "message name|{\"model\":\"llama-3.1-8b-instant\",\"messages\":[{\"role\":\"user\",\"name\":\"bob\",\"content\":\"hi\"}]}|messages.0.name",
            "n of 2|{\"model\":\"llama-3.1-8b-instant\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|n",
            "reasoning_format on llama|{\"model\":\"llama-3.1-8b-instant\",\"reasoning_format\":\"parsed\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}|reasoning_format",
    })
    void rejectsWhatGroqRejectsWith400NamingTheParameter(String scenario, String body, String param) {
        HttpResponse<String> response = http.postJson("/chat/completions", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("error").get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(Http.json(response).get("error").get("param").asText()).isEqualTo(param);
    }

    @Test
    void unknownModelIs404ModelNotFound() {
        HttpResponse<String> response = http.postJson("/chat/completions",
                "{\"model\":\"llama-3.3-70b-versatlie\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertError(response, "invalid_request_error", "model_not_found");
        assertThat(Http.json(response).get("error").get("message").asText())
                .isEqualTo("The model `llama-3.3-70b-versatlie` does not exist or you do not have access to it.");
    }

    @Test
    void toolChoiceRequiredCallsTheToolWithArgumentsForItsParameters() {
        String body = "{\"model\":\"llama-3.3-70b-versatile\",\"tool_choice\":\"required\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Weather in Paris?\"}],\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"weather\",\"parameters\":{\"type\":\"object\",\"properties\":{"
                + "\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]},"
                + "\"days\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"city\"]}}}]}";

        JsonNode choice = Http.json(http.postJson("/chat/completions", body)).get("choices").get(0);

        assertThat(choice.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.get("message").get("content").isNull()).isTrue();
        JsonNode call = choice.get("message").get("tool_calls").get(0);
        assertThat(call.get("type").asText()).isEqualTo("function");
        assertThat(call.get("id").asText()).startsWith("call_");
        assertThat(call.get("function").get("name").asText()).isEqualTo("weather");
        JsonNode arguments = Json.tree(call.get("function").get("arguments").asText());
        assertThat(arguments.get("city").asText()).isEqualTo("Weather in Paris?");
        assertThat(arguments.get("unit").asText()).isEqualTo("celsius");
        assertThat(arguments.get("days").asInt()).isEqualTo(1);
    }

    @Test
    void namedToolChoiceStreamsTheCallInOneChunk() {
        String body = "{\"model\":\"llama-3.3-70b-versatile\",\"stream\":true,\"tool_choice\":{\"type\":\"function\","
                + "\"function\":{\"name\":\"second\"}},\"messages\":[{\"role\":\"user\",\"content\":\"go\"}],\"tools\":["
                + "{\"type\":\"function\",\"function\":{\"name\":\"first\"}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"second\"}}]}";

        List<JsonNode> chunks = Http.events(http.postJson("/chat/completions", body).body());

        JsonNode call = chunks.get(1).get("choices").get(0).get("delta").get("tool_calls").get(0);
        assertThat(call.get("index").asInt()).isZero();
        assertThat(call.get("function").get("name").asText()).isEqualTo("second");
        assertThat(chunks.get(chunks.size() - 1).get("choices").get(0).get("finish_reason").asText())
                .isEqualTo("tool_calls");
    }

    @Test
    void jsonObjectModeAnswersWithJson() {
        String body = "{\"model\":\"llama-3.1-8b-instant\",\"response_format\":{\"type\":\"json_object\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String content = Http.json(http.postJson("/chat/completions", body)).get("choices").get(0).get("message")
                .get("content").asText();
        assertThat(Json.tree(content).get("answer").asText()).isEqualTo("You said: hi");
    }

    @Test
    void jsonSchemaModeAnswersWithAnInstanceOfTheSchema() {
        String body = "{\"model\":\"openai/gpt-oss-20b\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
                + "{\"name\":\"person\",\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"age\":{\"type\":\"integer\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}}},"
                + "\"include_reasoning\":false,\"messages\":[{\"role\":\"user\",\"content\":\"Ada\"}]}";
        String content = Http.json(http.postJson("/chat/completions", body)).get("choices").get(0).get("message")
                .get("content").asText();
        assertThat(Json.tree(content).toString()).isEqualTo("{\"name\":\"Ada\",\"age\":1,\"tags\":[\"Ada\"]}");
    }

    @Test
    void parsedReasoningOnAReasoningModelComesInItsOwnFieldAndCounts() {
        String body = "{\"model\":\"qwen/qwen3-32b\",\"reasoning_format\":\"parsed\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        JsonNode completion = Http.json(http.postJson("/chat/completions", body));
        JsonNode message = completion.get("choices").get(0).get("message");
        assertThat(message.get("reasoning").asText()).isEqualTo("The user wrote \"hi\". I will repeat it back.");
        assertThat(message.get("content").asText()).isEqualTo("You said: hi");
        assertThat(completion.get("usage").get("completion_tokens_details").get("reasoning_tokens").asInt())
                .isEqualTo(9);
        assertThat(completion.get("usage").get("completion_tokens").asInt()).isEqualTo(9 + 3);
    }

    @Test
    void rawReasoningIsInlinedInThinkTags() {
        String body = "{\"model\":\"qwen/qwen3-32b\",\"reasoning_format\":\"raw\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        JsonNode message = Http.json(http.postJson("/chat/completions", body)).get("choices").get(0).get("message");
        assertThat(message.has("reasoning")).isFalse();
        assertThat(message.get("content").asText()).startsWith("<think>The user wrote").endsWith("</think>You said: hi");
    }

    @Test
    void tinyMaxCompletionTokensFinishesWithLength() {
        String body = "{\"model\":\"llama-3.1-8b-instant\",\"max_completion_tokens\":2,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four\"}]}";
        JsonNode completion = Http.json(http.postJson("/chat/completions", body));
        assertThat(completion.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
        assertThat(completion.get("choices").get(0).get("message").get("content").asText()).isEqualTo("You said:");
        assertThat(completion.get("usage").get("completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsAllSucceedWithDistinctRequestIds() {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 24)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.postJson("/chat/completions", HELLO)))
                .collect(Collectors.toList());
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).collect(Collectors.toList());

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.headers().firstValue("x-request-id").orElseThrow()).distinct())
                .hasSize(24);
        assertThat(server.requestCount()).isEqualTo(24);
    }

    static void assertError(HttpResponse<String> response, String type, String code) {
        JsonNode error = Http.json(response).get("error");
        assertThat(error.get("message").asText()).isNotEmpty();
        assertThat(error.get("type").asText()).isEqualTo(type);
        if (code == null) assertThat(error.has("code")).isFalse();
        else assertThat(error.get("code").asText()).isEqualTo(code);
    }
}
