package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.groqj.SpecSchemas;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Built requests are valid {@code CreateChatCompletionRequest}s of Groq's OpenAPI spec (read by
 * {@link SpecSchemas}).
 */
class RequestSchemaTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SpecSchemas.load("CreateChatCompletionRequest");
    }

    static Stream<Named<ChatRequest>> representativeRequests() {
        Map<String, Object> citySchema = Map.of(
                "type", "object",
                "properties", Map.of("city", Map.of("type", "string")),
                "required", List.of("city"));
        ToolCall call = ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}");
        return Stream.of(
                Named.of("plain", base().temperature(0.5).topP(0.9).maxCompletionTokens(100).seed(42L).user("u-1")
                        .build()),
                Named.of("multimodal user", base().messages(List.of(Message.user(
                        ContentPart.text("What is this?"),
                        ContentPart.imageUrl("https://example.com/cat.png", ContentPart.Detail.HIGH),
                        ContentPart.imageBytes(new byte[] {1, 2, 3}, "image/png")))).build()),
                Named.of("tools and named tool choice", base()
                        .addTool(Tool.function("get_weather", "Weather in a city", citySchema).withStrict(true))
                        .addTool(Tool.function("no_params", null, null))
                        .addTool(Tool.builtIn(Tool.BROWSER_SEARCH))
                        .toolChoice(ToolChoice.function("get_weather"))
                        .parallelToolCalls(false)
                        .disableToolValidation(true)
                        .build()),
                Named.of("tool choice required", base().addTool(Tool.builtIn(Tool.CODE_INTERPRETER))
                        .toolChoice(ToolChoice.REQUIRED).build()),
                Named.of("json schema", base().responseFormat(
                        ResponseFormat.jsonSchema("city", "A city", citySchema, true)).build()),
                Named.of("json object", base().responseFormat(ResponseFormat.jsonObject()).build()),
                Named.of("reasoning", base().model("openai/gpt-oss-120b")
                        .reasoningFormat(ChatRequest.ReasoningFormat.PARSED)
                        .reasoningEffort(ChatRequest.ReasoningEffort.HIGH)
                        .serviceTier(ChatRequest.ServiceTier.FLEX).build()),
                Named.of("include reasoning", base().includeReasoning(false)
                        .reasoningEffort(ChatRequest.ReasoningEffort.NONE).build()),
                Named.of("tool round trip", base()
                        .addMessage(Message.assistant(null, "I should look it up.", List.of(call)))
                        .addMessage(Message.tool("call_1", "{\"temperature\":21}"))
                        .addMessage(Message.developer("Answer in French."))
                        .addMessage(Message.assistant("Il fait 21 degrés."))
                        .build()),
                Named.of("content parts on every role, documents", base()
                        .addMessage(Message.system(ContentPart.text("Be brief."), ContentPart.text("In French.")))
                        .addMessage(Message.user(ContentPart.text("Where is it?"),
                                ContentPart.document(dev.groqj.JsonValue.parse("{\"order\":42}"), "o-42")))
                        .addMessage(Message.assistant(null, null, List.of(call)))
                        .addMessage(Message.tool("call_1", List.of(ContentPart.text("shipped"),
                                ContentPart.document(dev.groqj.JsonValue.parse("{\"eta\":\"today\"}")))))
                        .addMessage(Message.assistant(List.of(ContentPart.text("It ships today."))))
                        .build()),
                Named.of("stop list", base().stop(List.of("\n\n", "END")).build()),
                Named.of("stop string", base().stop("END").build()),
                Named.of("search, compound, documents", base().model("groq/compound")
                        .searchSettings(SearchSettings.builder().includeDomains(List.of("*.gov"))
                                .excludeDomains(List.of("example.com")).includeImages(true).country("germany").build())
                        .compoundCustom(CompoundCustom.builder().answeringModel("llama-3.3-70b-versatile")
                                .reasoningModel("openai/gpt-oss-120b").enabledTools(List.of("web_search"))
                                .wolframAuthorization("secret").build())
                        .addDocument(Document.text("Groq was founded in 2016.").withId("facts"))
                        .addDocument(Document.json(Map.of("founded", 2016)))
                        .citationOptions(true)
                        .build()),
                Named.of("penalties, metadata, n", base().frequencyPenalty(0.5).presencePenalty(-0.5)
                        .metadata(Map.of("team", "a")).n(1).build()),
                Named.of("streaming copy", base().build().streaming()));
    }

    private static ChatRequest.Builder base() {
        return ChatRequest.builder().model("llama-3.3-70b-versatile")
                .addMessage(Message.system("Be brief."))
                .addMessage(Message.user("Hello"));
    }

    @ParameterizedTest
    @MethodSource("representativeRequests")
    void builtRequestsFollowTheSpec(ChatRequest request) {
        assertThat(validate(Json.MAPPER.valueToTree(request))).isEmpty();
    }

    @Test
    void schemaCatchesWhatGroqWouldReject() {
        // proves the validator is armed: an unknown field and a bad enum value are reported
        ChatRequest request = base().extraBody("no_such_field", 1).extraBody("service_tier", "fastest").build();

        assertThat(validate(Json.MAPPER.valueToTree(request))).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("no_such_field"))
                .anyMatch(m -> m.contains("service_tier"));
        // and references into the spec's message schemas are followed: a tool message needs its tool_call_id
        assertThat(validate(Json.tree("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}")))
                .isNotEmpty();
        assertThat(validate(Json.tree("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\","
                + "\"tool_call_id\":\"c\"}]}"))).isEmpty();
    }

    private static Set<ValidationMessage> validate(JsonNode body) {
        return schema.validate(body);
    }
}
