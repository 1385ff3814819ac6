package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatRequestTest {

    private static ChatRequest.Builder base() {
        return ChatRequest.builder().model("llama-3.3-70b-versatile").addMessage(Message.user("Hello"));
    }

    private static String json(ChatRequest request) {
        return Json.writeString(request);
    }

    @Test
    void onlyParametersThatWereSetAreSent() {
        ChatRequest request = ChatRequest.builder()
                .model("llama-3.3-70b-versatile")
                .addMessage(Message.system("Be brief."))
                .addMessage(Message.user("Hello"))
                .build();

        assertThat(json(request)).isEqualTo("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello\"}]}");
    }

    @Test
    void numericParametersTakeIntegerLiteralsAndStaySetInACopy() {
        ChatRequest request = base().temperature(1).topP(1).seed(42).maxCompletionTokens(100).build();

        assertThat(json(request.toBuilder().build())).contains("\"temperature\":1.0", "\"top_p\":1.0",
                "\"max_completion_tokens\":100", "\"seed\":42");
    }

    @Test
    void everyTypedParameterHasItsWireName() {
        JsonNode body = Json.MAPPER.valueToTree(base()
                .temperature(0.2).topP(0.9).maxCompletionTokens(64).seed(7L).user("u")
                .parallelToolCalls(false).disableToolValidation(true).includeReasoning(true)
                .reasoningEffort(ChatRequest.ReasoningEffort.LOW).serviceTier(ChatRequest.ServiceTier.ON_DEMAND)
                .citationOptions(false).frequencyPenalty(0.1).presencePenalty(0.2).n(1)
                .metadata(Map.of("k", "v"))
                .build());

        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("user").asText()).isEqualTo("u");
        assertThat(body.path("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(body.path("disable_tool_validation").asBoolean()).isTrue();
        assertThat(body.path("include_reasoning").asBoolean()).isTrue();
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(body.path("service_tier").asText()).isEqualTo("on_demand");
        assertThat(body.path("citation_options").asText()).isEqualTo("disabled");
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.1);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.2);
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("metadata").path("k").asText()).isEqualTo("v");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void multimodalUserMessageSendsContentParts() {
        ChatRequest request = ChatRequest.builder().model("meta-llama/llama-4-scout-17b-16e-instruct")
                .addMessage(Message.user(ContentPart.text("What is this?"),
                        ContentPart.imageUrl("https://example.com/a.png", ContentPart.Detail.LOW),
                        ContentPart.imageBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")))
                .build();

        assertThat(json(request)).contains("\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\",\"detail\":\"low\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw==\"}}]");
        assertThat(request.messages().get(0).contentParts()).hasSize(3);
        assertThat(request.messages().get(0).content()).isNull();
    }

    @Test
    void toolsAndNamedToolChoiceHaveTheApiShape() {
        ChatRequest request = base()
                .addTool(Tool.function("get_weather", "Weather", Map.of("type", "object")).withStrict(true))
                .addTool(Tool.builtIn(Tool.BROWSER_SEARCH))
                .toolChoice(ToolChoice.function("get_weather"))
                .build();

        assertThat(json(request)).contains("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"description\":\"Weather\",\"parameters\":{\"type\":\"object\"},\"strict\":true}},"
                        + "{\"type\":\"browser_search\"}]")
                .contains("\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
        assertThat(json(base().toolChoice(ToolChoice.NONE).build())).contains("\"tool_choice\":\"none\"");
    }

    @Test
    void jsonSchemaResponseFormatCarriesNameSchemaAndStrict() {
        JsonValue schema = JsonValue.parse("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
        ChatRequest request = base().responseFormat(ResponseFormat.jsonSchema("person", null, schema, false)).build();

        assertThat(json(request)).contains("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":"
                + "{\"name\":\"person\",\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}},"
                + "\"strict\":false}}");
        assertThat(json(base().responseFormat(ResponseFormat.jsonObject()).build()))
                .contains("\"response_format\":{\"type\":\"json_object\"}");
    }

    @Test
    void toolConversationSendsCallsReasoningAndToolCallId() {
        ResponseMessage answer = Json.read("{\"role\":\"assistant\",\"content\":null,\"reasoning\":\"Look it up.\","
                + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}", ResponseMessage.class);
        ChatRequest request = base()
                .addMessage(Message.assistant(answer))
                .addMessage(Message.tool("call_1", "21C"))
                .build();

        assertThat(json(request)).contains("{\"role\":\"assistant\",\"reasoning\":\"Look it up.\",\"tool_calls\":"
                + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"21C\",\"tool_call_id\":\"call_1\"}");
    }

    @Test
    void stopIsAStringOrAList() {
        assertThat(json(base().stop("END").build())).contains("\"stop\":\"END\"");
        assertThat(json(base().stop(List.of("a", "b")).build())).contains("\"stop\":[\"a\",\"b\"]");
        assertThat(base().stop("END").build().stop()).containsExactly("END");
    }

    @Test
    void searchSettingsCompoundCustomAndDocumentsNest() {
        ChatRequest request = base()
                .searchSettings(SearchSettings.builder().excludeDomains(List.of("example.com")).country("france").build())
                .compoundCustom(CompoundCustom.builder().enabledTools(List.of("web_search"))
                        .wolframAuthorization("wolfram-secret").build())
                .addDocument(Document.text("Paris is in France.").withId("d1"))
                .build();

        assertThat(json(request))
                .contains("\"search_settings\":{\"exclude_domains\":[\"example.com\"],\"country\":\"france\"}")
                .contains("\"compound_custom\":{\"tools\":{\"enabled_tools\":[\"web_search\"],"
                        + "\"wolfram_settings\":{\"authorization\":\"wolfram-secret\"}}}")
                .contains("\"documents\":[{\"id\":\"d1\",\"source\":{\"type\":\"text\",\"text\":\"Paris is in France.\"}}]");
        assertThat(request.compoundCustom().toString()).doesNotContain("wolfram-secret");
        assertThat(request.toString()).doesNotContain("wolfram-secret").doesNotContain("Hello");
    }

    @Test
    void extraBodyLandsInTheJsonAndReplacesATypedParameter() {
        ChatRequest request = base().temperature(0.5)
                .extraBody("reasoning_effort", "xhigh")
                .extraBody("temperature", 0.7)
                .extraBody("store", Map.of("a", List.of(1, 2)))
                .build();

        JsonNode body = Json.MAPPER.valueToTree(request);
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("xhigh");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("store").path("a").get(1).asInt()).isEqualTo(2);
        assertThat(json(request).split("\"temperature\"", -1)).hasSize(2); // written once
        assertThat(json(request.toBuilder().extraBody("store", null).build())).doesNotContain("store");
    }

    @Test
    void extraHeadersAreExposedAndNotSentInTheBody() {
        ChatRequest request = base().extraHeader("X-Trace", "abc").build();

        assertThat(request.extraHeaders()).containsExactly(Map.entry("X-Trace", "abc"));
        assertThat(json(request)).doesNotContain("X-Trace");
    }

    @Test
    void streamingCopyAsksForAStreamAndLeavesTheOriginal() {
        ChatRequest request = base().temperature(1.0).build();
        ChatRequest streaming = request.streaming();

        assertThat(Json.MAPPER.valueToTree(streaming).path("stream").asBoolean()).isTrue();
        assertThat(Json.MAPPER.valueToTree(streaming).path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(json(request)).doesNotContain("stream");
    }

    @Test
    void toBuilderKeepsEverythingAndAddsToIt() {
        ChatRequest request = base().addTool(Tool.builtIn(Tool.CODE_INTERPRETER)).stop(List.of("x"))
                .extraBody("a", 1).extraHeader("h", "v").seed(3L).build();
        ChatRequest copy = request.toBuilder().build();
        ChatRequest longer = request.toBuilder().addMessage(Message.user("More")).addTool(Tool.builtIn("other")).build();

        assertThat(json(copy)).isEqualTo(json(request));
        assertThat(copy.extraHeaders()).isEqualTo(request.extraHeaders());
        assertThat(longer.messages()).hasSize(2);
        assertThat(request.messages()).hasSize(1);
        assertThat(request.tools()).hasSize(1);
        assertThat(longer.tools()).hasSize(2);
        assertThat(request.messages()).isUnmodifiable();
    }

    @Test
    void validationNamesTheParameter() {
        assertInvalid(b -> b.model(null), "model");
        assertInvalid(b -> b.model(" "), "model");
        assertInvalid(b -> b.messages(List.of()), "messages");
        assertInvalid(b -> b.n(2), "n");
        assertInvalid(b -> b.stop(List.of("1", "2", "3", "4", "5")), "stop");
        assertInvalid(b -> b.temperature(2.5), "temperature");
        assertInvalid(b -> b.temperature(-0.1), "temperature");
        assertInvalid(b -> b.temperature(Double.NaN), "temperature");
        assertInvalid(b -> b.topP(1.1), "top_p");
        assertInvalid(b -> b.frequencyPenalty(-3.0), "frequency_penalty");
        assertInvalid(b -> b.presencePenalty(2.1), "presence_penalty");
        assertInvalid(b -> b.maxCompletionTokens(0), "max_completion_tokens");
        assertInvalid(b -> b.addMessage(Message.tool(" ", "result")), "messages[1].tool_call_id");
        assertInvalid(b -> b.addMessage(Message.tool(null, "result")), "messages[1].tool_call_id");
        assertInvalid(b -> b.reasoningFormat(ChatRequest.ReasoningFormat.PARSED).includeReasoning(true),
                "include_reasoning");
        assertInvalid(b -> b.tools(Collections.nCopies(129, Tool.builtIn(Tool.BROWSER_SEARCH))), "tools");
        assertInvalid(b -> b.extraBody("stream", true), "stream");

        // the limits themselves are fine
        List<Tool> tools = new ArrayList<>(Collections.nCopies(128, Tool.builtIn(Tool.BROWSER_SEARCH)));
        assertThat(base().tools(tools).temperature(2.0).topP(0.0).stop(List.of("1", "2", "3", "4")).n(1).build()
                .tools()).hasSize(128);
    }

    @Test
    void factoriesRejectBadNamesAndEmptyParts() {
        assertThatThrownBy(() -> Tool.function("get weather", null, null))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).param()).isEqualTo("tools.function.name");
        assertThatThrownBy(() -> Tool.function("f", null, List.of(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tools.function.parameters");
        assertThatThrownBy(() -> ResponseFormat.jsonSchema("a".repeat(65), null, Map.of(), true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("response_format.json_schema.name");
        assertThatThrownBy(() -> Message.user(List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("content");
    }

    private static void assertInvalid(UnaryOperator<ChatRequest.Builder> change, String param) {
        assertThatThrownBy(() -> change.apply(base()).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(param + ": ")
                .satisfies(e -> assertThat(((ValidationException) e).param()).isEqualTo(param))
                .satisfies(e -> assertThat(((ValidationException) e).statusCode()).isZero());
    }
}
