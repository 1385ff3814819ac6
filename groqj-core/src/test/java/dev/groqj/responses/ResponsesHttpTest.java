package dev.groqj.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.GroqClient;
import dev.groqj.GroqResponse;
import dev.groqj.JsonValue;
import dev.groqj.RequestOptions;
import dev.groqj.ScriptedServer;
import dev.groqj.error.GroqException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.Json;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Responses API over a real socket: request bytes, the spec's example answer, typed events, failures. */
class ResponsesHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    /** The answer of the spec's example for {@code createResponse}, trimmed of nothing. */
    static final String SPEC_EXAMPLE = "{\"id\":\"resp_01k1x6w9ane6d8rfxm05cb45yk\",\"object\":\"response\","
            + "\"status\":\"completed\",\"created_at\":1754400695,\"output\":[{\"type\":\"message\","
            + "\"id\":\"msg_01k1x6w9ane6eb0650crhawwyy\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"When the stars blinked awake.\",\"annotations\":[]}]}],"
            + "\"previous_response_id\":null,\"model\":\"llama-3.3-70b-versatile\",\"reasoning\":{\"effort\":null,"
            + "\"summary\":null},\"max_output_tokens\":null,\"instructions\":null,\"text\":{\"format\":{\"type\":\"text\"}},"
            + "\"tools\":[],\"tool_choice\":\"auto\",\"truncation\":\"disabled\",\"metadata\":{},\"temperature\":1,"
            + "\"top_p\":1,\"user\":null,\"service_tier\":\"default\",\"error\":null,\"incomplete_details\":null,"
            + "\"usage\":{\"input_tokens\":82,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":266,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":348},\"parallel_tool_calls\":true,"
            + "\"store\":false,\"future_field\":{\"x\":1}}";

    private ScriptedServer server;
    private GroqClient client;

    private static final ResponseRequest HELLO = ResponseRequest.builder()
            .model("openai/gpt-oss-20b").input("Hello").build();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void createPostsToResponsesAndReadsTheSpecExample() throws Exception {
        server.json(200, SPEC_EXAMPLE);
        Response r = client.responses().create(HELLO);

        ScriptedServer.Recorded sent = server.takeRequest();
        assertThat(sent.rawPath()).isEqualTo("/openai/v1/responses");
        assertThat(Json.MAPPER.readTree(sent.bodyAsString()))
                .isEqualTo(Json.tree("{\"model\":\"openai/gpt-oss-20b\",\"input\":\"Hello\"}"));
        assertThat(r.id()).isEqualTo("resp_01k1x6w9ane6d8rfxm05cb45yk");
        assertThat(r.status()).isEqualTo(Response.COMPLETED);
        assertThat(r.outputText()).isEqualTo("When the stars blinked awake.");
        assertThat(r.output()).singleElement().isInstanceOf(ResponseOutputItem.Message.class);
        assertThat(r.usage().inputTokens()).isEqualTo(82);
        assertThat(r.usage().inputTokensDetails().cachedTokens()).isZero();
        assertThat(r.usage().outputTokensDetails().reasoningTokens()).isZero();
        assertThat(r.usage().totalTokens()).isEqualTo(348);
        assertThat(r.toolChoice().mode()).isEqualTo("auto");
        assertThat(r.text().format()).isEqualTo(TextFormat.text());
        assertThat(r.error()).isNull();
        assertThat(r.incompleteDetails()).isNull();
        assertThat(r.additionalProperties()).containsEntry("future_field", JsonValue.parse("{\"x\":1}"));
    }

    @Test
    void everyParameterIsSentUnderItsWireName() throws Exception {
        server.json(200, SPEC_EXAMPLE);
        ResponseRequest request = ResponseRequest.builder()
                .model("openai/gpt-oss-120b")
                .input(List.of(ResponseInputItem.user(List.of(InputContent.text("What is this?"),
                                InputContent.imageUrl("https://example.com/cat.png", InputContent.Detail.LOW))),
                        ResponseInputItem.functionCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                        ResponseInputItem.functionCallOutput("call_1", "{\"celsius\":21}")))
                .instructions("Be brief.")
                .addTool(ResponseTool.function("get_weather", "Weather", Map.of("type", "object"), true))
                .addTool(ResponseTool.browserSearch())
                .addTool(ResponseTool.codeInterpreter())
                .addTool(ResponseTool.mcp("hf", "https://huggingface.co/mcp").serverDescription("models")
                        .header("Authorization", "Bearer hf_x").allowedTools(List.of("model_search"))
                        .requireApproval(ResponseTool.Approval.NEVER).build())
                .toolChoice(ResponseToolChoice.function("get_weather"))
                .parallelToolCalls(false)
                .textFormat(TextFormat.jsonSchema("answer", null, Map.of("type", "object"), true))
                .reasoningEffort(ResponseRequest.ReasoningEffort.HIGH)
                .reasoningSummary(ResponseRequest.ReasoningSummary.AUTO)
                .serviceTier(ResponseRequest.ServiceTier.FLEX)
                .truncation(ResponseRequest.Truncation.AUTO)
                .maxOutputTokens(500).temperature(0.5).topP(0.9)
                .metadata(Map.of("team", "a")).user("u-1").store(false)
                .build();
        client.responses().create(request);
        JsonNode sent = Json.MAPPER.readTree(server.takeRequest().bodyAsString());
        assertThat(sent).isEqualTo(Json.tree("{\"model\":\"openai/gpt-oss-120b\",\"input\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"What is this?\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"https://example.com/cat.png\",\"detail\":\"low\"}]},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"celsius\\\":21}\"}],"
                + "\"instructions\":\"Be brief.\",\"tools\":["
                + "{\"type\":\"function\",\"name\":\"get_weather\",\"description\":\"Weather\","
                + "\"parameters\":{\"type\":\"object\"},\"strict\":true},{\"type\":\"browser_search\"},"
                + "{\"type\":\"code_interpreter\",\"container\":{\"type\":\"auto\"}},"
                + "{\"type\":\"mcp\",\"server_label\":\"hf\",\"server_url\":\"https://huggingface.co/mcp\","
                + "\"server_description\":\"models\",\"headers\":{\"Authorization\":\"Bearer hf_x\"},"
                + "\"allowed_tools\":[\"model_search\"],\"require_approval\":\"never\"}],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}},"
                + "\"parallel_tool_calls\":false,\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"answer\","
                + "\"schema\":{\"type\":\"object\"},\"strict\":true}},"
                + "\"reasoning\":{\"effort\":\"high\",\"summary\":\"auto\"},\"service_tier\":\"flex\","
                + "\"truncation\":\"auto\",\"max_output_tokens\":500,\"temperature\":0.5,\"top_p\":0.9,"
                + "\"metadata\":{\"team\":\"a\"},\"user\":\"u-1\",\"store\":false}"));
        assertThat(request.toString()).doesNotContain("hf_x").doesNotContain("What is this");
    }

    @Test
    void outputItemsAreTypedAndUnknownOnesKeepTheirJson() {
        server.json(200, SPEC_EXAMPLE.replace("\"output\":[", "\"output\":["
                + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\","
                + "\"text\":\"Think.\"}]},"
                + "{\"type\":\"mcp_list_tools\",\"id\":\"mcpl_1\",\"server_label\":\"hf\",\"tools\":[{\"name\":"
                + "\"model_search\",\"description\":\"Find models\",\"input_schema\":{\"type\":\"object\"}}]},"
                + "{\"type\":\"mcp_call\",\"id\":\"mcp_1\",\"server_label\":\"hf\",\"name\":\"model_search\","
                + "\"arguments\":\"{}\",\"output\":\"3 models\",\"error\":null,\"status\":\"completed\"},"
                + "{\"type\":\"mcp_approval_request\",\"id\":\"mcpr_1\",\"server_label\":\"hf\",\"name\":\"x\","
                + "\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_9\",\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\",\"status\":\"completed\"},"
                + "{\"type\":\"web_search_call\",\"id\":\"ws_1\",\"status\":\"completed\",\"action\":{\"type\":"
                + "\"search\",\"query\":\"groq\"}},"
                + "{\"type\":\"code_interpreter_call\",\"id\":\"ci_1\",\"status\":\"completed\",\"code\":\"print(1)\","
                + "\"container_id\":\"c_1\",\"outputs\":[{\"type\":\"logs\",\"logs\":\"1\"}]},"
                + "{\"type\":\"image_generation_call\",\"id\":\"ig_1\",\"result\":\"abc\"},"));
        Response r = client.responses().create(HELLO);
        List<ResponseOutputItem> out = r.output();
        assertThat(out).extracting(ResponseOutputItem::type).containsExactly("reasoning", "mcp_list_tools",
                "mcp_call", "mcp_approval_request", "function_call", "web_search_call", "code_interpreter_call",
                "image_generation_call", "message");
        assertThat(((ResponseOutputItem.Reasoning) out.get(0)).text()).isEqualTo("Think.");
        ResponseOutputItem.McpListTools list = (ResponseOutputItem.McpListTools) out.get(1);
        assertThat(list.tools().get(0).inputSchema()).isEqualTo(JsonValue.parse("{\"type\":\"object\"}"));
        assertThat(((ResponseOutputItem.McpCall) out.get(2)).output()).isEqualTo("3 models");
        assertThat(out.get(3)).isInstanceOf(ResponseOutputItem.McpApprovalRequest.class);
        ResponseOutputItem.FunctionCall call = r.functionCalls().get(0);
        assertThat(call.callId()).isEqualTo("call_9");
        assertThat(call.argumentsJson().get("city").asString()).isEqualTo("Oslo");
        assertThat(((ResponseOutputItem.BrowserSearchCall) out.get(5)).action().get("query").asString())
                .isEqualTo("groq");
        assertThat(((ResponseOutputItem.CodeInterpreterCall) out.get(6)).outputs().get(0).logs()).isEqualTo("1");
        ResponseOutputItem.Unknown unknown = (ResponseOutputItem.Unknown) out.get(7);
        assertThat(unknown.id()).isEqualTo("ig_1");
        assertThat(unknown.json().get("result").asString()).isEqualTo("abc");

        // every item goes back into the next input: a message as the assistant's text, the others as they came
        assertThat(ResponseInputItem.of(out.get(8)).toJson()).isEqualTo(JsonValue.parse("{\"role\":\"assistant\","
                + "\"content\":\"When the stars blinked awake.\"}"));
        assertThat(ResponseInputItem.of(unknown).toJson()).isEqualTo(unknown.json());
        assertThat(ResponseInputItem.of(call).toJson()).isEqualTo(JsonValue.parse("{\"type\":\"function_call\","
                + "\"id\":\"fc_1\",\"call_id\":\"call_9\",\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\",\"status\":\"completed\"}"));
    }

    @Test
    void withResponseCarriesStatusAndHeaders() {
        server.json(200, SPEC_EXAMPLE, "x-request-id", "req_123");
        GroqResponse<Response> r = client.responses().createWithResponse(HELLO, RequestOptions.DEFAULT);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.requestId()).isEqualTo("req_123");
        assertThat(r.value().id()).startsWith("resp_");
    }

    static List<String> streamEvents() {
        String created = "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"in_progress\",\"created_at\":1,"
                + "\"output\":[],\"model\":\"openai/gpt-oss-20b\",\"tools\":[],\"tool_choice\":\"auto\","
                + "\"truncation\":\"disabled\",\"metadata\":{},\"temperature\":1,\"top_p\":1,\"service_tier\":\"auto\","
                + "\"error\":null,\"incomplete_details\":null,\"parallel_tool_calls\":true,\"store\":false}";
        String message = "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"in_progress\",\"role\":\"assistant\","
                + "\"content\":[]}";
        String done = "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi there\",\"annotations\":[]}]}";
        String completed = created.replace("in_progress", "completed").replace("\"output\":[]", "\"output\":["
                + done + "]").replace("\"store\":false", "\"store\":false,\"usage\":{\"input_tokens\":2,"
                + "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":2,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":4}");
        return List.of(
                event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                        + created + "}"),
                event("response.output_item.added", "{\"type\":\"response.output_item.added\","
                        + "\"sequence_number\":1,\"output_index\":0,\"item\":" + message + "}"),
                event("response.reasoning_text.delta", "{\"type\":\"response.reasoning_text.delta\","
                        + "\"sequence_number\":2,\"item_id\":\"rs_1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"Hmm.\"}"),
                event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":3,"
                        + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}"),
                event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,"
                        + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\" there\"}"),
                event("response.future_event", "{\"type\":\"response.future_event\",\"sequence_number\":5}"),
                event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"sequence_number\":6,"
                        + "\"output_index\":0,\"item\":" + done + "}"),
                event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":7,\"response\":"
                        + completed + "}"));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    @Test
    void streamDeliversTypedEventsAndAccumulatesTheResponse() throws Exception {
        server.sse(streamEvents(), 7);
        List<ResponseEvent> seen = new ArrayList<>();
        Response whole;
        try (ResponseStream events = client.responses().stream(HELLO)) {
            var it = events.iterator();
            for (int i = 0; i < 4; i++) seen.add(it.next());
            whole = events.accumulate(); // after a partial iteration: the events already read count
        }
        assertThat(Json.MAPPER.readTree(server.takeRequest().bodyAsString()).get("stream").asBoolean()).isTrue();
        assertThat(seen).extracting(ResponseEvent::getClass).containsExactly(ResponseEvent.Created.class,
                ResponseEvent.OutputItemAdded.class, ResponseEvent.ReasoningTextDelta.class,
                ResponseEvent.OutputTextDelta.class);
        assertThat(seen.get(3).sequenceNumber()).isEqualTo(3);
        assertThat(whole.status()).isEqualTo("completed");
        assertThat(whole.outputText()).isEqualTo("Hi there");
        assertThat(whole.usage().totalTokens()).isEqualTo(4);
    }

    @Test
    void unknownEventsArriveWithTheirJson() {
        server.sse(streamEvents(), 4096);
        try (ResponseStream events = client.responses().stream(HELLO)) {
            List<ResponseEvent> all = events.stream().toList();
            ResponseEvent.Unknown unknown = (ResponseEvent.Unknown) all.get(5);
            assertThat(unknown.type()).isEqualTo("response.future_event");
            assertThat(unknown.sequenceNumber()).isEqualTo(5);
            assertThat(all.get(all.size() - 1)).isInstanceOf(ResponseEvent.Completed.class);
        }
    }

    @Test
    void aStreamCutBeforeTheEndAccumulatesNothingButFailsWithThePartialText() {
        server.sseCut(streamEvents().subList(0, 5));
        ResponseStream events = client.responses().stream(HELLO);
        assertThatThrownBy(events::accumulate).isInstanceOf(StreamException.class)
                .satisfies(e -> assertThat(((StreamException) e).partialContent()).isEqualTo("Hi there"));
    }

    @Test
    void anErrorEventEndsTheStreamWithThePartialText() {
        List<String> events = new ArrayList<>(streamEvents().subList(0, 5));
        events.add(event("error", "{\"type\":\"error\",\"sequence_number\":5,\"code\":\"server_error\","
                + "\"message\":\"The model crashed\",\"param\":null}"));
        server.sse(events, 4096);
        List<ResponseEvent> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (ResponseStream stream = client.responses().stream(HELLO)) {
                for (ResponseEvent e : stream) seen.add(e);
            }
        }).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.partialContent()).isEqualTo("Hi there");
            assertThat(e.getMessage()).contains("The model crashed");
            assertThat(e.errorCode()).isEqualTo("server_error");
        });
        assertThat(seen).hasSize(5);
    }

    @Test
    void aFailedResponseIsDeliveredThenThrown() {
        List<String> events = new ArrayList<>(streamEvents().subList(0, 4));
        events.add(event("response.failed", "{\"type\":\"response.failed\",\"sequence_number\":4,\"response\":"
                + "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"failed\",\"created_at\":1,\"output\":[],"
                + "\"model\":\"m\",\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}}"));
        server.sse(events, 4096);
        List<ResponseEvent> seen = new ArrayList<>();
        ResponseStream stream = client.responses().stream(HELLO);
        assertThatThrownBy(() -> {
            for (ResponseEvent e : stream) seen.add(e);
        }).isInstanceOfSatisfying(StreamException.class, e -> {
            assertThat(e.partialContent()).isEqualTo("Hi");
            assertThat(e.getMessage()).contains("server_error: boom");
        });
        assertThat(seen.get(seen.size() - 1)).isInstanceOfSatisfying(ResponseEvent.Failed.class,
                f -> assertThat(f.response().error().message()).isEqualTo("boom"));
        assertThatThrownBy(stream::accumulate).isInstanceOf(StreamException.class); // the failure it met
    }

    @Test
    void aStreamWithoutAnyResponseEventCannotBeAccumulated() {
        server.sse(List.of(event("response.future_event", "{\"type\":\"response.future_event\"}")), 4096);
        assertThatThrownBy(() -> client.responses().stream(HELLO).accumulate()).isInstanceOf(GroqException.class)
                .hasMessageContaining("ended before Groq sent the response");
    }

    @Test
    void listenersSeeTheUsageOfWholeAndStreamedResponses() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (GroqClient listened = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0)
                .addListener(new GroqListener() {
                    @Override
                    public void responseReceived(CallInfo call, ResponseInfo response) {
                        seen.add(call.operation() + " " + response.id() + " " + response.finishReasons());
                    }

                    @Override
                    public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
                        seen.add(call.operation() + " " + call.model() + " " + usage.totalTokens());
                    }
                }).build()) {
            server.json(200, SPEC_EXAMPLE);
            listened.responses().create(HELLO);
            server.sse(streamEvents(), 4096);
            listened.responses().stream(HELLO).accumulate();
        }
        assertThat(seen).containsExactly(
                "responses.create resp_01k1x6w9ane6d8rfxm05cb45yk [completed]",
                "responses.create openai/gpt-oss-20b 348",
                "responses.stream resp_1 [completed]",
                "responses.stream openai/gpt-oss-20b 4");
    }

    @Test
    void asyncCreateAndStream() throws Exception {
        server.json(200, SPEC_EXAMPLE);
        assertThat(client.async().responses().create(HELLO).get(10, TimeUnit.SECONDS).outputText())
                .isEqualTo("When the stars blinked awake.");
        server.json(200, SPEC_EXAMPLE, "x-request-id", "req_9");
        assertThat(client.async().responses().createWithResponse(HELLO, RequestOptions.DEFAULT)
                .get(10, TimeUnit.SECONDS).requestId()).isEqualTo("req_9");

        server.sse(streamEvents(), 5);
        List<ResponseEvent> seen = new CopyOnWriteArrayList<>();
        Response whole = client.async().responses().stream(HELLO, RequestOptions.DEFAULT, seen::add)
                .get(10, TimeUnit.SECONDS);
        assertThat(seen).hasSize(8);
        assertThat(whole.outputText()).isEqualTo("Hi there");

        List<String> failing = new ArrayList<>(streamEvents().subList(0, 4));
        failing.add(event("error", "{\"type\":\"error\",\"code\":\"x\",\"message\":\"gone\"}"));
        server.sse(failing, 4096);
        assertThatThrownBy(() -> client.async().responses().stream(HELLO, RequestOptions.DEFAULT, e -> { })
                .join()).isInstanceOf(CompletionException.class).cause().isInstanceOf(StreamException.class);
    }

    @Test
    void asyncPublisherHonoursDemand() throws Exception {
        server.sse(streamEvents(), 4096);
        List<ResponseEvent> seen = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        client.async().responses().stream(HELLO).subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription s;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                s = subscription;
                s.request(1);
            }

            @Override
            public void onNext(ResponseEvent item) {
                seen.add(item);
                s.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        assertThat(seen).hasSize(8).last().isInstanceOf(ResponseEvent.Completed.class);
    }
}
