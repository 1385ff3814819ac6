package dev.groqj.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.groqj.JsonValue;
import dev.groqj.SpecSchemas;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building a request: what is checked before sending, and that what the spec describes is sent as it says. */
class ResponseRequestTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SpecSchemas.load("CreateResponseRequest");
    }

    private static ResponseRequest.Builder base() {
        return ResponseRequest.builder().model("openai/gpt-oss-20b").input("Hello");
    }

    static Stream<Arguments> invalidRequests() {
        Map<String, String> seventeen = new HashMap<>();
        for (int i = 0; i < 17; i++) seventeen.put("k" + i, "v");
        return Stream.of(
                Arguments.of("model", (Executable) () -> ResponseRequest.builder().input("x").build()),
                Arguments.of("input", (Executable) () -> ResponseRequest.builder().model("m").build()),
                Arguments.of("temperature", (Executable) () -> base().temperature(2.5).build()),
                Arguments.of("top_p", (Executable) () -> base().topP(-0.1).build()),
                Arguments.of("max_output_tokens", (Executable) () -> base().maxOutputTokens(0).build()),
                Arguments.of("metadata", (Executable) () -> base().metadata(seventeen).build()),
                Arguments.of("store", (Executable) () -> base().store(true).build()),
                Arguments.of("stream", (Executable) () -> base().extraBody("stream", true).build()),
                Arguments.of("tools", (Executable) () -> base().tools(Collections.nCopies(129, ResponseTool.browserSearch())).build()),
                Arguments.of("tool_choice", (Executable) () -> base().toolChoice(ResponseToolChoice.function("absent")).build()),
                Arguments.of("tools.name", (Executable) () -> ResponseTool.function("bad name", null, null)),
                Arguments.of("tools.parameters", (Executable) () -> ResponseTool.function("f", null, List.of(1))),
                Arguments.of("tools.server_label", (Executable) () -> ResponseTool.mcp(" ", "https://x.example").build()),
                Arguments.of("tools.server_url", (Executable) () -> ResponseTool.mcp("x", "ftp://x.example").build()),
                Arguments.of("text.format.name", (Executable) () -> TextFormat.jsonSchema("a b", null, Map.of(), false)),
                Arguments.of("text.format.schema", (Executable) () -> TextFormat.jsonSchema("a", null, List.of(), false)),
                Arguments.of("input.call_id", (Executable) () -> ResponseInputItem.functionCallOutput(" ", "{}")),
                Arguments.of("input.role", (Executable) () -> ResponseInputItem.message("tool", "x")),
                Arguments.of("input.content", (Executable) () -> ResponseInputItem.user(List.of())),
                Arguments.of("input.approval_request_id", (Executable) () -> ResponseInputItem.mcpApprovalResponse(null, true, null)));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidParametersAreNamedBeforeSending(String param, Executable build) {
        assertThatThrownBy(build::execute).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo(param));
    }

    @Test
    void toBuilderKeepsEverythingAndTheRequestCannotChange() {
        ResponseRequest.Builder builder = base().temperature(0.3).maxOutputTokens(10)
                .addTool(ResponseTool.codeInterpreter());
        ResponseRequest request = builder.build();
        builder.addTool(ResponseTool.browserSearch()).input("changed");
        assertThat(request.tools()).hasSize(1);
        assertThat(request.inputText()).isEqualTo("Hello");
        ResponseRequest copy = request.toBuilder().addInput(ResponseInputItem.assistant("Hi!")).build();
        assertThat(copy.inputText()).isNull();
        assertThat(copy.input()).extracting(ResponseInputItem::role).containsExactly("user", "assistant");
        assertThat(copy.temperature()).isEqualTo(0.3);
        assertThat(copy.maxOutputTokens()).isEqualTo(10);
        assertThat(copy.streaming().toBuilder().build().toString()).contains("stream=true");
    }

    static Stream<Named<ResponseRequest>> specRequests() {
        Map<String, Object> city = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
        return Stream.of(
                Named.of("text", base().instructions("Be brief.").temperature(0.5).topP(0.9).maxOutputTokens(100)
                        .user("u-1").store(false).metadata(Map.of("a", "b"))
                        .serviceTier(ResponseRequest.ServiceTier.FLEX).truncation(ResponseRequest.Truncation.AUTO)
                        .reasoningEffort(ResponseRequest.ReasoningEffort.LOW).build()),
                Named.of("items and function tools", base().input(List.of(
                                ResponseInputItem.user("Weather?"), ResponseInputItem.system("Be brief."),
                                ResponseInputItem.assistant("Let me look."),
                                ResponseInputItem.user(List.of(InputContent.text("in Paris"))),
                                ResponseInputItem.functionCall("call_1", "get_weather", "{}"),
                                ResponseInputItem.functionCallOutput("call_1", "{\"celsius\":21}"),
                                ResponseInputItem.itemReference("msg_1")))
                        .addTool(ResponseTool.function("get_weather", "Weather", city, true))
                        .addTool(ResponseTool.function("no_params", null, null))
                        .toolChoice(ResponseToolChoice.function("get_weather")).parallelToolCalls(true).build()),
                Named.of("required", base().addTool(ResponseTool.function("f", null, city))
                        .toolChoice(ResponseToolChoice.required()).build()),
                Named.of("json schema", base().textFormat(TextFormat.jsonSchema("city", "A city", city, true)).build()),
                Named.of("json object", base().textFormat(TextFormat.jsonObject()).build()),
                Named.of("streaming copy", base().textFormat(TextFormat.text()).build().streaming()));
    }

    /** What the spec describes follows it; the spec lacks MCP, built-in tools, images and reasoning.summary. */
    @ParameterizedTest
    @MethodSource("specRequests")
    void requestsTheSpecDescribesFollowIt(ResponseRequest request) {
        assertThat(validate(Json.MAPPER.valueToTree(request))).isEmpty();
    }

    @Test
    void schemaIsArmed() {
        assertThat(validate(Json.MAPPER.valueToTree(base().extraBody("no_such_field", 1).build())))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("no_such_field"));
    }

    @Test
    void wireValuesReadBackAsTheSameType() {
        ResponseTool tool = ResponseTool.function("f", "d", Map.of("type", "object"));
        assertThat(Json.read(Json.writeString(tool), ResponseTool.class)).isEqualTo(tool);
        assertThat(Json.read("\"required\"", ResponseToolChoice.class)).isEqualTo(ResponseToolChoice.required());
        assertThat(Json.read(Json.writeString(ResponseToolChoice.function("f")), ResponseToolChoice.class)
                .functionName()).isEqualTo("f");
        assertThat(ResponseTool.of(JsonValue.parse("{\"type\":\"future\"}")).type()).isEqualTo("future");
        assertThat(ResponseTool.mcp("hf", "https://x.example").header("Authorization", "secret").build().toString())
                .doesNotContain("secret");
    }

    private static Set<ValidationMessage> validate(JsonNode body) {
        return schema.validate(body);
    }
}
