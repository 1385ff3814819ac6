package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.error.BadRequestException;
import dev.groqj.responses.InputContent;
import dev.groqj.responses.Response;
import dev.groqj.responses.ResponseEvent;
import dev.groqj.responses.ResponseInputItem;
import dev.groqj.responses.ResponseOutputItem;
import dev.groqj.responses.ResponseRequest;
import dev.groqj.responses.ResponseStream;
import dev.groqj.responses.ResponseTool;
import dev.groqj.responses.ResponseToolChoice;
import dev.groqj.responses.TextFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** groqj's Responses API against the fake: whole and streamed, function-call round trips, remote MCP. */
@ExtendWith(FakeGroqServerExtension.class)
class ResponsesEndToEndTest {
    private static final Map<String, Object> CITY = Map.of("type", "object",
            "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"));

    private final FakeGroqServer server;
    private final GroqClient client;

    ResponsesEndToEndTest(FakeGroqServer server) {
        this.server = server;
        this.client = GroqClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).maxRetries(0).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static ResponseRequest.Builder hello(String model) {
        return ResponseRequest.builder().model(model).input("Hello from Java");
    }

    @Test
    void createAnswersWithAMessageAndUsage() {
        Response r = client.responses().create(hello("llama-3.3-70b-versatile").instructions("Be brief.").build());
        assertThat(r.status()).isEqualTo(Response.COMPLETED);
        assertThat(r.id()).startsWith("resp_");
        assertThat(r.outputText()).isEqualTo("You said: Hello from Java");
        assertThat(r.usage().inputTokens()).isEqualTo(5);  // "Be brief." + "Hello from Java"
        assertThat(r.usage().outputTokens()).isEqualTo(5);
        assertThat(r.usage().totalTokens()).isEqualTo(10);
        assertThat(r.instructions()).isEqualTo("Be brief.");
    }

    @Test
    void reasoningModelsReasonFirstAndStreamsRebuildTheSameResponse() {
        ResponseRequest request = hello("openai/gpt-oss-20b")
                .reasoningEffort(ResponseRequest.ReasoningEffort.LOW).build();
        Response whole = client.responses().create(request);
        assertThat(whole.output().get(0)).isInstanceOfSatisfying(ResponseOutputItem.Reasoning.class,
                rs -> assertThat(rs.text()).contains("Hello from Java"));
        assertThat(whole.usage().outputTokensDetails().reasoningTokens()).isPositive();
        assertThat(whole.reasoning().effort()).isEqualTo("low");

        StringBuilder deltas = new StringBuilder();
        List<String> types = new ArrayList<>();
        Response streamed;
        try (ResponseStream events = client.responses().stream(request)) {
            for (ResponseEvent e : events) {
                types.add(e.type());
                if (e instanceof ResponseEvent.OutputTextDelta d) deltas.append(d.delta());
            }
            streamed = events.accumulate();
        }
        assertThat(deltas.toString()).isEqualTo("You said: Hello from Java");
        assertThat(types).startsWith("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.reasoning_text.delta").endsWith("response.completed")
                .contains("response.output_text.done", "response.content_part.done", "response.output_item.done");
        assertThat(streamed.outputText()).isEqualTo(whole.outputText());
        assertThat(streamed.output()).hasSameSizeAs(whole.output());
    }

    @Test
    void aForcedFunctionCallRoundTrips() {
        ResponseRequest first = hello("llama-3.3-70b-versatile")
                .input("Weather in Paris?")
                .addTool(ResponseTool.function("get_weather", "Weather in a city", CITY))
                .toolChoice(ResponseToolChoice.required())
                .build();
        Response r = client.responses().create(first);
        ResponseOutputItem.FunctionCall call = r.functionCalls().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.argumentsJson().get("city").asString()).isEqualTo("Weather in Paris?");
        assertThat(r.outputText()).isEmpty();

        List<ResponseInputItem> input = new ArrayList<>(first.input());
        input.add(ResponseInputItem.of(call));
        input.add(ResponseInputItem.functionCallOutput(call.callId(), "{\"celsius\":21}"));
        Response second = client.responses().create(first.toBuilder().input(input).build());
        assertThat(second.functionCalls()).isEmpty();
        assertThat(second.outputText()).isEqualTo("The tools answered: {\"celsius\":21}.");

        // streamed, the arguments arrive as events and the call is rebuilt
        try (ResponseStream events = client.responses().stream(first)) {
            List<ResponseEvent> all = events.stream().toList();
            assertThat(all).filteredOn(ResponseEvent.FunctionCallArgumentsDone.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((ResponseEvent.FunctionCallArgumentsDone) e).name())
                            .isEqualTo("get_weather"));
        }
        assertThat(client.responses().stream(first).accumulate().functionCalls()).singleElement()
                .usingRecursiveComparison().ignoringFields("id").isEqualTo(call); // each answer has its own ids
    }

    @Test
    void remoteMcpToolsAreListedAndCalled() {
        ResponseRequest request = hello("openai/gpt-oss-120b")
                .addTool(ResponseTool.mcp("huggingface", "https://huggingface.co/mcp")
                        .allowedTools(List.of("model_search")).requireApproval(ResponseTool.Approval.NEVER).build())
                .build();
        Response r = client.responses().create(request);
        assertThat(r.output()).extracting(ResponseOutputItem::type)
                .containsExactly("reasoning", "mcp_list_tools", "mcp_call", "message");
        ResponseOutputItem.McpListTools listed = (ResponseOutputItem.McpListTools) r.output().get(1);
        assertThat(listed.serverLabel()).isEqualTo("huggingface");
        assertThat(listed.tools()).extracting(ResponseOutputItem.McpToolInfo::name).containsExactly("model_search");
        ResponseOutputItem.McpCall call = (ResponseOutputItem.McpCall) r.output().get(2);
        assertThat(call.output()).isEqualTo("[huggingface] model_search found 3 results for: Hello from Java");

        List<String> types = new ArrayList<>();
        Response streamed;
        try (ResponseStream events = client.responses().stream(request)) {
            for (ResponseEvent e : events) if (e instanceof ResponseEvent.McpCallProgress p) types.add(p.type());
            streamed = events.accumulate();
        }
        assertThat(types).containsExactly("response.mcp_call.in_progress", "response.mcp_call.completed");
        assertThat(streamed.output().get(2)).usingRecursiveComparison().ignoringFields("id").isEqualTo(call);
    }

    @Test
    void anMcpToolNeedingApprovalWaitsForIt() {
        ResponseRequest.Builder builder = hello("llama-3.3-70b-versatile")
                .addTool(ResponseTool.mcp("docs", "https://docs.example/mcp")
                        .requireApproval(ResponseTool.Approval.ALWAYS).build());
        Response asked = client.responses().create(builder.build());
        ResponseOutputItem.McpApprovalRequest approval = (ResponseOutputItem.McpApprovalRequest) asked.output().get(1);
        assertThat(asked.outputText()).isEmpty();

        Response answered = client.responses().create(builder.input(List.of(ResponseInputItem.user("Hello from Java"),
                ResponseInputItem.of(approval), ResponseInputItem.mcpApprovalResponse(approval.id(), true, null)))
                .build());
        assertThat(answered.output().get(1)).isInstanceOfSatisfying(ResponseOutputItem.McpCall.class,
                c -> assertThat(c.approvalRequestId()).isEqualTo(approval.id()));
        assertThat(answered.outputText()).isEqualTo("You said: Hello from Java");
    }

    @Test
    void builtInToolsImagesFormatsAndLimits() {
        Response tools = client.responses().create(ResponseRequest.builder().model("openai/gpt-oss-20b")
                .input(List.of(ResponseInputItem.user(List.of(InputContent.text("Look"),
                        InputContent.imageUrl("https://example.com/cat.png")))))
                .addTool(ResponseTool.browserSearch()).addTool(ResponseTool.codeInterpreter()).build());
        assertThat(tools.output()).hasAtLeastOneElementOfType(ResponseOutputItem.BrowserSearchCall.class)
                .hasAtLeastOneElementOfType(ResponseOutputItem.CodeInterpreterCall.class);
        assertThat(tools.outputText()).isEqualTo("You said: Look");

        Response json = client.responses().create(hello("llama-3.3-70b-versatile")
                .textFormat(TextFormat.jsonSchema("city", null, CITY, true)).build());
        assertThat(json.outputText()).isEqualTo("{\"city\":\"Hello from Java\"}");

        Response cut = client.responses().create(hello("llama-3.3-70b-versatile").maxOutputTokens(2).build());
        assertThat(cut.status()).isEqualTo(Response.INCOMPLETE);
        assertThat(cut.incompleteDetails().reason()).isEqualTo("max_output_tokens");
        assertThat(cut.outputText()).isEqualTo("You said:");
    }

    @Test
    void asyncFormsAndGroqErrors() throws Exception {
        assertThat(client.async().responses().create(hello("llama-3.3-70b-versatile").build())
                .get(10, TimeUnit.SECONDS).outputText()).isEqualTo("You said: Hello from Java");
        List<ResponseEvent> seen = new CopyOnWriteArrayList<>();
        Response streamed = client.async().responses().stream(hello("llama-3.3-70b-versatile").build(),
                dev.groqj.RequestOptions.DEFAULT, seen::add).get(10, TimeUnit.SECONDS);
        assertThat(streamed.outputText()).isEqualTo("You said: Hello from Java");
        assertThat(seen.get(seen.size() - 1)).isInstanceOf(ResponseEvent.Completed.class);

        assertThatThrownBy(() -> client.responses().create(hello("whisper-large-v3").build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("does not support responses");
        assertThat(server.takeRequest().path()).isEqualTo("/openai/v1/responses");
    }
}
