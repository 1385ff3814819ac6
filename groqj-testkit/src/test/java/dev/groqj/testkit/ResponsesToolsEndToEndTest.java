package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.chat.Description;
import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolRunException;
import dev.groqj.chat.ToolRunListener;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.error.RefusalException;
import dev.groqj.error.StructuredOutputException;
import dev.groqj.error.ToolUseFailedException;
import dev.groqj.error.ValidationException;
import dev.groqj.responses.ResponseEvent;
import dev.groqj.responses.ResponseInputItem;
import dev.groqj.responses.ResponseRequest;
import dev.groqj.responses.ResponseTool;
import dev.groqj.responses.ResponseToolRun;
import dev.groqj.responses.ResponseToolRunException;
import dev.groqj.responses.StructuredResponse;
import dev.groqj.responses.TextFormat;
import dev.groqj.testkit.ToolRunEndToEndTest.City;
import dev.groqj.testkit.ToolRunEndToEndTest.Forecast;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.groqj.testkit.ToolRunEndToEndTest.meetingTools;
import static dev.groqj.testkit.ToolRunEndToEndTest.recorder;
import static dev.groqj.testkit.ToolRunEndToEndTest.time;
import static dev.groqj.testkit.ToolRunEndToEndTest.trip;
import static dev.groqj.testkit.ToolRunEndToEndTest.weather;

/** Typed answers and the tool loop through the Responses API, over a real socket to the fake's model. */
@ExtendWith(FakeGroqServerExtension.class)
class ResponsesToolsEndToEndTest {
    @Description("Today's weather in one city")
    record Weather(@Description("City name") String city, double celsius, Optional<String> comment,
                   List<Wind> winds) { }

    record Wind(double speed, String direction) { }

    record Counts(Map<String, Integer> byWord) { }

    private final FakeGroqServer server;
    private final GroqClient client;

    ResponsesToolsEndToEndTest(FakeGroqServer server) {
        this.server = server;
        this.client = GroqClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).maxRetries(0).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static ResponseRequest ask(String model, String text) {
        return ResponseRequest.builder().model(model).input(text).build();
    }

    @Test
    void aRecordBecomesAStrictTextFormatAndTheAnswerParsesIntoIt() {
        StructuredResponse<Weather> answer = client.responses().create(ask("openai/gpt-oss-20b", "Paris"),
                Weather.class);

        assertThat(answer.value()).isEqualTo(new Weather("Paris", 1.0, Optional.of("Paris"),
                List.of(new Wind(1.0, "Paris"))));
        assertThat(answer.response().outputText()).startsWith("{\"city\":\"Paris\"");
        JsonValue format = server.takeRequest().json().get("text").get("format");
        assertThat(format.get("type").asString()).isEqualTo("json_schema");
        assertThat(format.get("name").asString()).isEqualTo("Weather");
        assertThat(format.get("description").asString()).isEqualTo("Today's weather in one city");
        assertThat(format.get("strict").asBoolean()).isTrue();
        assertThat(format.get("schema").get("additionalProperties").asBoolean()).isFalse();
        assertThat(format.get("schema").get("required").toJson())
                .isEqualTo("[\"city\",\"celsius\",\"comment\",\"winds\"]");

        Weather async = client.async().responses().create(ask("llama-3.3-70b-versatile", "Oslo"), Weather.class)
                .join().value();
        assertThat(async.city()).isEqualTo("Oslo");
    }

    @Test
    void aTextFormatTheRequestSetsIsKept() {
        record Answer(String answer) { }
        ResponseRequest jsonMode = ask("llama-3.3-70b-versatile", "Rome").toBuilder()
                .textFormat(TextFormat.jsonObject()).build();

        assertThat(client.responses().create(jsonMode, Answer.class).value().answer()).isEqualTo("You said: Rome");
        assertThat(server.takeRequest().json().get("text").toJson())
                .isEqualTo("{\"format\":{\"type\":\"json_object\"}}");
    }

    @Test
    void unparseableCutOffAndRefusedAnswersAreTypedFailures() {
        server.enqueue(ScriptedResponse.json(200, response("\"completed\"",
                "{\"type\":\"output_text\",\"text\":\"{\\\"speed\\\": \\\"fast\\\"\",\"annotations\":[]}")));
        assertThatThrownBy(() -> client.responses().create(ask("llama-3.3-70b-versatile", "x"), Wind.class))
                .isInstanceOfSatisfying(StructuredOutputException.class, e -> {
                    assertThat(e.rawContent()).isEqualTo("{\"speed\": \"fast\"");
                    assertThat(e.targetType()).endsWith("Wind");
                });

        // the fake's tokens are words: the JSON of "Paris in spring" is three
        assertThatThrownBy(() -> client.responses().create(ask("llama-3.3-70b-versatile", "Paris in spring")
                .toBuilder().maxOutputTokens(2).build(), Weather.class))
                .isInstanceOfSatisfying(StructuredOutputException.class,
                        e -> assertThat(e.reason()).contains("incomplete (max_output_tokens)"));

        server.enqueue(ScriptedResponse.json(200, response("\"completed\"",
                "{\"type\":\"refusal\",\"refusal\":\"I can't help with that.\"}")));
        assertThatThrownBy(() -> client.responses().create(ask("llama-3.3-70b-versatile", "x"), Weather.class))
                .isInstanceOfSatisfying(RefusalException.class,
                        e -> assertThat(e.refusal()).isEqualTo("I can't help with that."));

        server.clearJournal();
        assertThatThrownBy(() -> client.responses().create(ask("llama-3.3-70b-versatile", "x"), Counts.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.param()).isEqualTo("text.format.schema"));
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void aFunctionToolInTheFlatResponsesForm() {
        assertThat(ResponseTool.function(weather()).toJson()).isEqualTo(JsonValue.parse("{\"type\":\"function\","
                + "\"name\":\"get_weather\",\"description\":\"Current weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"City name\"}},"
                + "\"required\":[\"city\"],\"additionalProperties\":false},\"strict\":true}"));
    }

    @Test
    void threeRoundsWithTwoParallelCallsRunConcurrentlyAndEndInWords() {
        // both calls of round one must be running at once to get past the latch: proof they are concurrent
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ResponseToolRun run = client.responses().runTools(ask("openai/gpt-oss-20b", "Paris"),
                meetingTools(new CountDownLatch(2)), ToolRunOptions.builder().listener(recorder(events)).build());

        assertThat(run.rounds()).hasSize(3);
        assertThat(run.response().outputText()).isEqualTo(
                "The tools answered: {\"city\":\"Paris\",\"celsius\":21}; 12:00 in Paris; {\"days\":1}.");
        assertThat(run.input()).extracting(i -> i.type() == null ? i.role() : i.type()).containsExactly(
                "user", "function_call", "function_call", "function_call_output", "function_call_output",
                "function_call", "function_call_output", "assistant");
        assertThat(run.input().get(3).callId()).isEqualTo(run.input().get(1).callId());
        assertThat(run.input().get(4).callId()).isEqualTo(run.input().get(2).callId()).isNotEqualTo(
                run.input().get(1).callId());
        assertThat(run.input().get(6).toJson().get("output").asString()).isEqualTo("{\"days\":1}");
        assertThat(events).contains("started get_weather", "finished plan_trip {\"days\":1}").hasSize(6);

        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(3);
        JsonValue tool = requests.get(0).json().get("tools").get(0);
        assertThat(tool.get("type").asString()).isEqualTo("function");
        assertThat(tool.get("name").asString()).isEqualTo("get_weather");
        assertThat(tool.get("strict").asBoolean()).isTrue();
        // reasoning items stay out of the input: Groq's input takes messages, calls and outputs
        assertThat(run.rounds().get(0).output()).extracting(o -> o.type()).startsWith("reasoning");
        assertThat(requests.get(2).json().get("input").asList()).hasSize(7);
    }

    @Test
    void asyncAndStreamedFormsRunTheSameLoop() {
        ResponseToolRun async = client.async().responses().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather(), time(), trip())).join();
        assertThat(async.rounds()).hasSize(3);
        assertThat(async.response().outputText()).endsWith("{\"days\":1}.");

        server.clearJournal();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ToolRunOptions options = ToolRunOptions.builder().listener(new ToolRunListener() {
            @Override
            public void started(ToolCall call) {
                seen.add("tool:" + call.function().name());
            }
        }).build();
        ResponseToolRun streamed = client.responses().runToolsStreaming(ask("llama-3.3-70b-versatile", "Rome"),
                List.of(weather()), options, e -> {
                    if (e instanceof ResponseEvent.OutputTextDelta d) seen.add(d.delta());
                });
        assertThat(streamed.response().outputText())
                .isEqualTo("The tools answered: {\"city\":\"Rome\",\"celsius\":21}.");
        assertThat(seen.get(0)).isEqualTo("tool:get_weather");
        assertThat(String.join("", seen.subList(1, seen.size()))).isEqualTo(streamed.response().outputText());
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.json().get("stream").asBoolean()).isTrue());
    }

    @Test
    void aFailingHandlerIsAnErrorTheModelSeesOrAThrownStopWithTheInput() {
        FunctionTool<City> broken = FunctionTool.of("get_weather", "Weather", City.class, c -> {
            throw new IllegalStateException("station offline");
        });
        ResponseToolRun run = client.responses().runTools(ask("llama-3.3-70b-versatile", "Paris"), List.of(broken));
        assertThat(run.input().get(2).toJson().get("output").asString()).isEqualTo("{\"error\":\"station offline\"}");
        assertThat(run.response().outputText()).contains("station offline");

        ToolRunOptions strict = ToolRunOptions.builder().onToolError(ToolRunOptions.ToolErrorPolicy.THROW).build();
        assertThatThrownBy(() -> client.responses().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(broken), strict)).isInstanceOfSatisfying(ResponseToolRunException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ToolRunException.Reason.TOOL_FAILED);
                    assertThat(e.getCause()).hasMessage("station offline");
                    assertThat(e.input()).extracting(ResponseInputItem::type).containsExactly(null, "function_call");
                    assertThat(e.messages()).isEmpty();
                });
    }

    @Test
    void pastMaxRoundsOrOnARepeatedCallTheRunStops() {
        assertThatThrownBy(() -> client.responses().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather(), time(), trip()), ToolRunOptions.builder().maxRounds(2).build()))
                .isInstanceOfSatisfying(ResponseToolRunException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ToolRunException.Reason.MAX_ROUNDS);
                    assertThat(e.input()).hasSize(6);
                });
        assertThat(server.requestCount()).isEqualTo(2);

        server.clearJournal();
        String sameCall = response("\"completed\"", null);
        server.enqueue(ScriptedResponse.json(200, sameCall), ScriptedResponse.json(200, sameCall),
                ScriptedResponse.json(200, sameCall));
        assertThatThrownBy(() -> client.responses().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather()), ToolRunOptions.builder().maxIdenticalCalls(2).build()))
                .isInstanceOfSatisfying(ResponseToolRunException.class,
                        e -> assertThat(e.reason()).isEqualTo(ToolRunException.Reason.REPEATED_CALL));
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void toolUseFailedIsRepairedOnceWhenAsked() {
        server.enqueue(ScriptedResponse.json(400, "{\"error\":{\"message\":\"Tool call validation failed\","
                + "\"type\":\"invalid_request_error\",\"code\":\"tool_use_failed\",\"failed_generation\":\"{}\"}}"));
        assertThatThrownBy(() -> client.responses().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather()))).isInstanceOf(ToolUseFailedException.class);

        server.clearJournal();
        server.enqueue(ScriptedResponse.json(400, "{\"error\":{\"message\":\"Tool call validation failed\","
                + "\"type\":\"invalid_request_error\",\"code\":\"tool_use_failed\",\"failed_generation\":\"{}\"}}"));
        ResponseToolRun run = client.responses().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather()), ToolRunOptions.builder().repairToolUseFailed(true).build());
        assertThat(run.rounds()).hasSize(2);
        assertThat(run.input().get(1).role()).isEqualTo("user");
        assertThat(run.input().get(1).toJson().get("content").asString())
                .startsWith("Your last tool call was rejected");
    }

    @Test
    void aRunNeedsTools() {
        assertThatThrownBy(() -> client.responses().runTools(ask("llama-3.3-70b-versatile", "x"), List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("tools"));
    }

    /** A response with one message part, or (with null) one call of get_weather for Paris. */
    private static String response(String status, String part) {
        String item = part == null
                ? "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\",\"status\":\"completed\"}"
                : "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
                + "\"content\":[" + part + "]}";
        return "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":" + status + ",\"created_at\":1,"
                + "\"model\":\"llama-3.3-70b-versatile\",\"output\":[" + item + "]}";
    }
}
