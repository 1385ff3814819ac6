package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Description;
import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseFormat;
import dev.groqj.chat.Tool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolFunction;
import dev.groqj.chat.ToolRun;
import dev.groqj.chat.ToolRunException;
import dev.groqj.chat.ToolRunListener;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.error.StructuredOutputException;
import dev.groqj.error.ToolUseFailedException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tool loop over a real socket, the fake's model calling the tools as a model would. */
@ExtendWith(FakeGroqServerExtension.class)
class ToolRunEndToEndTest {
    record City(@Description("City name") String city) { }

    record Trip(String from, String to, int days) { }

    record Forecast(String city, int celsius) { }

    private final FakeGroqServer server;
    private final GroqClient client;

    ToolRunEndToEndTest(FakeGroqServer server) {
        this.server = server;
        this.client = GroqClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).maxRetries(0).build();
    }

    private static ChatRequest ask(String model, String text) {
        return ChatRequest.builder().model(model).addMessage(Message.user(text)).build();
    }

    static FunctionTool<City> weather() {
        return FunctionTool.of("get_weather", "Current weather", City.class,
                c -> new Forecast(c.city(), 21));
    }

    static FunctionTool<City> time() {
        return FunctionTool.of("get_time", "Local time", City.class, c -> "12:00 in " + c.city());
    }

    static FunctionTool<Trip> trip() {
        return FunctionTool.of("plan_trip", "Plans a trip", Trip.class, t -> Map.of("days", t.days()));
    }

    @Test
    void threeRoundsWithTwoParallelCallsRunConcurrentlyAndEndInWords() {
        // both calls of round one must be running at once to get past the latch: proof they are concurrent
        List<String> events = Collections.synchronizedList(new ArrayList<>());

        ToolRun run = client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                meetingTools(new CountDownLatch(2)), ToolRunOptions.builder().listener(recorder(events)).build());

        assertThat(run.rounds()).hasSize(3);
        assertThat(run.completion().content()).isEqualTo(
                "The tools answered: {\"city\":\"Paris\",\"celsius\":21}; 12:00 in Paris; {\"days\":1}.");
        assertThat(run.messages()).extracting(Message::role).containsExactly(
                "user", "assistant", "tool", "tool", "assistant", "tool", "assistant");
        Message firstAnswer = run.messages().get(1);
        assertThat(firstAnswer.toolCalls()).extracting(c -> c.function().name())
                .containsExactly("get_weather", "get_time");
        assertThat(run.messages().get(2).toolCallId()).isEqualTo(firstAnswer.toolCalls().get(0).id());
        assertThat(run.messages().get(3).toolCallId()).isEqualTo(firstAnswer.toolCalls().get(1).id());
        assertThat(run.messages().get(5).content()).isEqualTo("{\"days\":1}");
        assertThat(events).contains("started get_weather", "started get_time", "started plan_trip",
                "finished plan_trip {\"days\":1}").hasSize(6);

        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(3);
        JsonValue tool = requests.get(0).json().get("tools").get(0);
        assertThat(tool.get("function").get("strict").asBoolean()).isTrue();
        assertThat(tool.get("function").get("parameters").get("required").toJson()).isEqualTo("[\"city\"]");
        assertThat(requests.get(2).json().get("messages").asList()).hasSize(6);
    }

    /** Weather and time, each waiting until both run: a run that ends proves them concurrent; then plan_trip. */
    static List<FunctionTool<?>> meetingTools(CountDownLatch bothRunning) {
        FunctionTool<City> slowWeather = FunctionTool.of("get_weather", "Current weather", City.class, c -> {
            bothRunning.countDown();
            await(bothRunning);
            return new Forecast(c.city(), 21);
        });
        FunctionTool<City> slowTime = FunctionTool.of("get_time", "Local time", City.class, c -> {
            bothRunning.countDown();
            await(bothRunning);
            return "12:00 in " + c.city();
        });
        return List.of(slowWeather, slowTime, trip());
    }

    /** A listener writing "started name" and "finished name result" into {@code events}. */
    static ToolRunListener recorder(List<String> events) {
        return new ToolRunListener() {
            @Override
            public void started(ToolCall call) {
                events.add("started " + call.function().name());
            }

            @Override
            public void finished(ToolCall call, String result) {
                events.add("finished " + call.function().name() + " " + result);
            }
        };
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the other call never started");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void toolsFromAnnotatedMethods() {
        class Tools {
            @ToolFunction(description = "Current weather")
            public String weather(City city) {
                return "sunny in " + city.city();
            }

            @ToolFunction(name = "now", description = "The time")
            public String time() {
                return "noon";
            }
        }
        List<FunctionTool<?>> tools = FunctionTool.fromMethods(new Tools());
        assertThat(tools).extracting(FunctionTool::name).containsExactly("now", "weather");
        assertThat(tools.get(0).parameters().get("properties").asMap()).isEmpty();

        ToolRun run = client.chat().runTools(ask("llama-3.3-70b-versatile", "Oslo"), tools);

        assertThat(run.completion().content()).isEqualTo("The tools answered: noon; sunny in Oslo.");
    }

    @Test
    void toolCallArgumentsParseIntoTheirType() {
        ToolCall call = ToolCall.function("call_1", "plan_trip", "{\"from\":\"A\",\"to\":\"B\",\"days\":3}");
        assertThat(call.arguments(Trip.class)).isEqualTo(new Trip("A", "B", 3));
        ToolCall bad = ToolCall.function("call_2", "plan_trip", "{\"from\":\"A\",\"days\":\"many\"}");
        assertThatThrownBy(() -> bad.arguments(Trip.class)).isInstanceOfSatisfying(StructuredOutputException.class,
                e -> assertThat(e.rawContent()).isEqualTo("{\"from\":\"A\",\"days\":\"many\"}"));
    }

    @Test
    void aFailingHandlerIsAnErrorTheModelSeesByDefault() {
        FunctionTool<City> broken = FunctionTool.of("get_weather", "Weather", City.class, c -> {
            throw new IllegalStateException("station offline");
        });
        List<String> failures = new ArrayList<>();
        ToolRunOptions options = ToolRunOptions.builder().listener(new ToolRunListener() {
            @Override
            public void failed(ToolCall call, Exception error) {
                failures.add(error.getMessage());
            }
        }).build();

        ToolRun run = client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"), List.of(broken), options);

        assertThat(failures).containsExactly("station offline");
        assertThat(run.messages().get(2).content()).isEqualTo("{\"error\":\"station offline\"}");
        assertThat(run.completion().content()).contains("station offline");
    }

    @Test
    void aFailingHandlerThrowsWhenAskedTo() {
        FunctionTool<City> broken = FunctionTool.of("get_weather", "Weather", City.class, c -> {
            throw new IllegalStateException("station offline");
        });
        ToolRunOptions options = ToolRunOptions.builder().onToolError(ToolRunOptions.ToolErrorPolicy.THROW).build();

        assertThatThrownBy(() -> client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"), List.of(broken),
                options)).isInstanceOfSatisfying(ToolRunException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ToolRunException.Reason.TOOL_FAILED);
                    assertThat(e.getCause()).hasMessage("station offline");
                    assertThat(e.messages()).extracting(Message::role).containsExactly("user", "assistant");
                });
    }

    @Test
    void pastMaxRoundsTheRunFailsWithTheTranscript() {
        ToolRunOptions options = ToolRunOptions.builder().maxRounds(2).build();

        assertThatThrownBy(() -> client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather(), time(), trip()), options))
                .isInstanceOfSatisfying(ToolRunException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ToolRunException.Reason.MAX_ROUNDS);
                    assertThat(e.messages()).extracting(Message::role)
                            .containsExactly("user", "assistant", "tool", "tool", "assistant");
                });
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void theSameCallRepeatedIsALoop() {
        // tool_choice required: the model calls the first tool every time, with the same arguments
        ChatRequest forced = ask("llama-3.3-70b-versatile", "Paris").toBuilder()
                .toolChoice(dev.groqj.chat.ToolChoice.REQUIRED).build();

        assertThatThrownBy(() -> client.chat().runTools(forced, List.of(weather()),
                ToolRunOptions.builder().maxIdenticalCalls(2).build()))
                .isInstanceOfSatisfying(ToolRunException.class,
                        e -> assertThat(e.reason()).isEqualTo(ToolRunException.Reason.REPEATED_CALL));
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void streamingFormEmitsTokensAndToolEventsInOrder() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ToolRunListener listener = new ToolRunListener() {
            @Override
            public void started(ToolCall call) {
                events.add("tool:" + call.function().name());
            }

            @Override
            public void chunk(ChatCompletionChunk chunk) {
                String content = chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().content();
                if (content != null && !content.isEmpty()) events.add(content);
            }
        };

        ToolRun run = client.chat().runToolsStreaming(ask("llama-3.3-70b-versatile", "Rome"), List.of(weather()),
                ToolRunOptions.builder().listener(listener).build());

        assertThat(run.completion().content()).isEqualTo("The tools answered: {\"city\":\"Rome\",\"celsius\":21}.");
        assertThat(events.get(0)).isEqualTo("tool:get_weather");
        assertThat(String.join("", events.subList(1, events.size()))).isEqualTo(run.completion().content());
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.json().get("stream").asBoolean()).isTrue());
    }

    @Test
    void asyncFormRunsTheSameLoop() {
        ToolRun run = client.async().chat().runTools(ask("llama-3.3-70b-versatile", "Paris"),
                List.of(weather(), time(), trip())).join();

        assertThat(run.rounds()).hasSize(3);
        assertThat(run.completion().content()).endsWith("{\"days\":1}.");
    }

    @Test
    void reasoningIsKeptForReasoningModelsAndStrippedForOthers() {
        ToolRun reasoning = client.chat().runTools(ask("openai/gpt-oss-20b", "Paris"), List.of(weather()));
        assertThat(reasoning.messages().get(1).reasoning()).isNotBlank();
        assertThat(server.requests().get(1).json().get("messages").get(1).get("reasoning").isString()).isTrue();

        server.clearJournal();
        ChatRequest withHistory = ChatRequest.builder().model("llama-3.3-70b-versatile")
                .messages(reasoning.messages()).addMessage(Message.user("And Rome?")).build();
        ToolRun plain = client.chat().runTools(withHistory, List.of(weather()));
        assertThat(plain.completion().content()).contains("Rome");
        assertThat(server.requests().get(0).json().get("messages").get(1).get("reasoning").isMissing()).isTrue();

        ToolRunOptions keep = ToolRunOptions.builder()
                .reasoningHistory(ToolRunOptions.ReasoningHistory.KEEP).build();
        assertThatThrownBy(() -> client.chat().runTools(withHistory, List.of(weather()), keep))
                .hasMessageContaining("property 'reasoning' is unsupported");
    }

    @Test
    void toolUseFailedIsTypedAndRepairedOnceWhenAsked() {
        String rejected = "{\"error\":{\"message\":\"Tool call validation failed: parameters for tool get_weather"
                + " did not match schema\",\"type\":\"invalid_request_error\",\"code\":\"tool_use_failed\","
                + "\"failed_generation\":\"{\\\"name\\\": \\\"get_weather\\\", \\\"arguments\\\": {}}\"}}";
        server.enqueue(ScriptedResponse.json(400, rejected));
        assertThatThrownBy(() -> client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"), List.of(weather())))
                .isInstanceOfSatisfying(ToolUseFailedException.class, e -> assertThat(e.failedGeneration())
                        .isEqualTo("{\"name\": \"get_weather\", \"arguments\": {}}"));

        server.clearJournal();
        server.enqueue(ScriptedResponse.json(400, rejected));
        ToolRun run = client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"), List.of(weather()),
                ToolRunOptions.builder().repairToolUseFailed(true).build());
        assertThat(run.rounds()).hasSize(2);
        assertThat(server.requests().get(1).json().get("messages").get(1).get("content").asString())
                .contains("tool_use_failed").contains("\"arguments\": {}");

        server.clearJournal();
        server.enqueue(ScriptedResponse.json(400, rejected), ScriptedResponse.json(400, rejected));
        assertThatThrownBy(() -> client.chat().runTools(ask("llama-3.3-70b-versatile", "Paris"), List.of(weather()),
                ToolRunOptions.builder().repairToolUseFailed(true).build()))
                .isInstanceOf(ToolUseFailedException.class);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void toolUseFailedInsideAStreamIsRepairedToo() {
        server.enqueue(ScriptedResponse.streamError(400, "invalid_request_error", "tool_use_failed",
                "Tool call validation failed"));

        ToolRun run = client.chat().runToolsStreaming(ask("llama-3.3-70b-versatile", "Paris"), List.of(weather()),
                ToolRunOptions.builder().repairToolUseFailed(true).build());

        assertThat(run.rounds()).hasSize(2); // the failed stream is not a round: a tool call, then the answer
        assertThat(run.messages().get(1).content()).startsWith("Your last tool call was rejected: 400 tool_use_failed");
        assertThat(run.messages()).extracting(Message::role).containsExactly("user", "user", "assistant", "tool",
                "assistant");
    }

    @Test
    void builtInToolsStayAndExecutedToolsAppearInTheRun() {
        String compound = StructuredOutputsEndToEndTest.completion("{\"message\":{\"role\":\"assistant\","
                + "\"content\":\"It is sunny.\",\"executed_tools\":[{\"index\":0,\"type\":\"search\","
                + "\"arguments\":\"{\\\"query\\\":\\\"weather\\\"}\",\"output\":\"sunny\"}]},\"finish_reason\":\"stop\"}");
        server.enqueue(ScriptedResponse.json(200, compound));
        ChatRequest request = ask("llama-3.3-70b-versatile", "Paris").toBuilder()
                .addTool(Tool.builtIn(Tool.BROWSER_SEARCH)).build();

        ToolRun run = client.chat().runTools(request, List.of(weather()));

        assertThat(run.executedTools()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("search"));
        assertThat(server.takeRequest().json().get("tools").asList()).extracting(t -> t.get("type").asString())
                .containsExactly("browser_search", "function");
    }

    @Test
    void rawReasoningWithToolsOrJsonModeFailsBeforeSending() {
        ChatRequest.Builder raw = ask("openai/gpt-oss-20b", "x").toBuilder()
                .reasoningFormat(ChatRequest.ReasoningFormat.RAW);
        assertThatThrownBy(() -> raw.responseFormat(ResponseFormat.jsonObject()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.param()).isEqualTo("reasoning_format");
                    assertThat(e.getMessage()).contains("response_format");
                });
        raw.responseFormat(null);
        assertThatThrownBy(() -> raw.addTool(weather().tool()).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.param()).isEqualTo("reasoning_format");
                    assertThat(e.getMessage()).contains("tools");
                });
    }
}
