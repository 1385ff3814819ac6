package dev.groqj.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.JsonValue;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatRequestsForTests;
import dev.groqj.chat.CompoundCustom;
import dev.groqj.chat.ContentPart;
import dev.groqj.chat.Document;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseFormat;
import dev.groqj.chat.SearchSettings;
import dev.groqj.chat.Tool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolChoice;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written encoder writes the same bytes as the map form it replaces ({@code ChatRequest.body()} through
 * the mapper), for every shape a request can take.
 */
class ChatRequestSerializerTest {
    private static final Map<String, Object> CITY_SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("city", Map.of("type", "string")),
            "required", List.of("city"));
    /** Quotes, escapes, control characters, non-ASCII and a surrogate pair: the generator's escaping paths. */
    private static final String AWKWARD = "\"quoted\" \\ back/slash \n\t\u0001 é 漢字 \uD83D\uDE00 </script>";

    private static ChatRequest.Builder base() {
        return ChatRequest.builder().model("llama-3.3-70b-versatile")
                .addMessage(Message.system("Be brief."))
                .addMessage(Message.user("Hello"));
    }

    /** Json.write and Json.writeString (two generators) and a tree (a third) agree with the map form. */
    private static void assertSameAsMapForm(ChatRequest request) {
        Map<String, Object> body = ChatRequestSerializer.body(request);
        byte[] expected;
        String expectedText;
        try {
            expected = Json.MAPPER.writeValueAsBytes(body);
            expectedText = Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
        assertThat(new String(Json.write(request), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(Json.write(request)).isEqualTo(expected);
        assertThat(Json.writeString(request)).isEqualTo(expectedText);
        JsonNode tree = Json.MAPPER.valueToTree(request);
        assertThat(tree).isEqualTo(Json.MAPPER.valueToTree(body));
    }

    @Test
    void theMapperWritesRequestsWithThisSerializer() throws Exception {
        assertThat(Json.MAPPER.getSerializerProviderInstance().findValueSerializer(ChatRequest.class))
                .isInstanceOf(ChatRequestSerializer.class);
        // and the plain request, the one every call sends, is written by hand to the expected JSON
        assertThat(Json.writeString(base().build())).isEqualTo("{\"model\":\"llama-3.3-70b-versatile\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello\"}]}");
    }

    @ParameterizedTest
    @MethodSource("dev.groqj.chat.RequestSchemaTest#representativeRequests")
    void representativeRequestsMatchTheMapForm(ChatRequest request) {
        assertSameAsMapForm(request);
    }

    @Test
    @SuppressWarnings("deprecation")
    void everySetterAtOnce() {
        ToolCall call = ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}");
        ChatRequest request = base()
                .addMessage(Message.developer(AWKWARD))
                .addMessage(Message.user(ContentPart.text("What is this?"),
                        ContentPart.imageUrl("https://example.com/cat.png", ContentPart.Detail.LOW),
                        ContentPart.imageUrl("https://example.com/dog.png"),
                        ContentPart.imageBytes(new byte[] {1, 2, 3}, "image/png"),
                        ContentPart.document(JsonValue.parse("{\"order\":42,\"price\":1.50}"), "o-42")))
                .addMessage(Message.assistant("Let me look.", "thinking " + AWKWARD, List.of(call)))
                .addMessage(Message.tool("call_1", "{\"temperature\":21}"))
                .addMessage(Message.assistant(List.of(ContentPart.text("It is 21."))))
                .addTool(Tool.function("get_weather", "Weather in a city", CITY_SCHEMA).withStrict(true))
                .addTool(Tool.builtIn(Tool.BROWSER_SEARCH))
                .toolChoice(ToolChoice.function("get_weather"))
                .parallelToolCalls(true)
                .responseFormat(ResponseFormat.jsonSchema("city", "A city", CITY_SCHEMA, true))
                .temperature(0.1 + 0.2)
                .topP(1)
                .maxCompletionTokens(Integer.MAX_VALUE)
                .maxTokens(1)
                .stop(List.of("\n\n", "END", AWKWARD))
                .seed(Long.MIN_VALUE)
                .reasoningFormat(ChatRequest.ReasoningFormat.PARSED)
                .reasoningEffort(ChatRequest.ReasoningEffort.MEDIUM)
                .serviceTier(ChatRequest.ServiceTier.PERFORMANCE)
                .searchSettings(SearchSettings.builder().excludeDomains(List.of("example.com", AWKWARD))
                        .includeImages(false).build())
                .compoundCustom(CompoundCustom.builder().reasoningModel("openai/gpt-oss-120b")
                        .enabledTools(List.of("web_search", "wolfram_alpha")).wolframAuthorization(AWKWARD).build())
                .documents(List.of(Document.text(AWKWARD).withId("facts"), Document.json(Map.of("list", List.of(1, "two")))))
                .citationOptions(false)
                .user(AWKWARD)
                .disableToolValidation(false)
                .frequencyPenalty(-2)
                .presencePenalty(1e-7)
                .metadata(orderedMap("b", "2", "a", "1", "c", AWKWARD))
                .n(1)
                .build();

        assertSameAsMapForm(request);
        assertSameAsMapForm(ChatRequestsForTests.streaming(request));
    }

    @Test
    void everyEnumConstantHasItsWireName() {
        for (ChatRequest.ReasoningFormat format : ChatRequest.ReasoningFormat.values()) {
            assertSameAsMapForm(base().reasoningFormat(format).build());
        }
        for (ChatRequest.ReasoningEffort effort : ChatRequest.ReasoningEffort.values()) {
            assertSameAsMapForm(base().reasoningEffort(effort).build());
        }
        for (ChatRequest.ServiceTier tier : ChatRequest.ServiceTier.values()) {
            assertSameAsMapForm(base().serviceTier(tier).build());
        }
        for (ToolChoice choice : List.of(ToolChoice.NONE, ToolChoice.AUTO, ToolChoice.REQUIRED)) {
            assertSameAsMapForm(base().addTool(Tool.builtIn(Tool.CODE_INTERPRETER)).toolChoice(choice).build());
        }
        assertSameAsMapForm(base().citationOptions(true).build());
        assertSameAsMapForm(base().responseFormat(ResponseFormat.text()).build());
        assertSameAsMapForm(base().responseFormat(ResponseFormat.jsonObject()).build());
    }

    @Test
    void extraBodyReplacesATypedFieldInItsPlaceAndAddsNewOnes() {
        ChatRequest request = base().temperature(0.5).seed(7).user("u")
                .extraBody("temperature", 1.5)
                .extraBody("model", "other-model")
                .extraBody("logit_bias", Map.of("50256", -100))
                .extraBody("nested", JsonValue.parse("{\"a\":[1,2.50,null,true],\"b\":{}}"))
                .build();

        assertSameAsMapForm(request);
        assertThat(Json.writeString(request)).startsWith("{\"model\":\"other-model\",\"messages\":")
                .contains("\"temperature\":1.5,\"seed\":7,\"user\":\"u\",\"logit_bias\":{\"50256\":-100},");
        assertSameAsMapForm(ChatRequestsForTests.streaming(request));
    }

    @Test
    void numbersKeepTheirSpelling() {
        for (double d : new double[] {0, 1, 2, 0.5, 0.1 + 0.2, 1e-7, 1.0E-300, 1.9999999999999998}) {
            assertSameAsMapForm(base().temperature(d).build());
        }
        for (long seed : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L}) {
            assertSameAsMapForm(base().seed(seed).build());
        }
        assertSameAsMapForm(base().stop("END").build());
        assertSameAsMapForm(base().stop(List.of("END")).build());
        assertSameAsMapForm(base().stop(List.of()).build());
    }

    /** Random combinations of every setter, fixed seed: what one hand-picked case misses, some of these hit. */
    @Test
    void randomRequestsMatchTheMapForm() {
        Random random = new Random(17);
        for (int i = 0; i < 400; i++) {
            ChatRequest request = randomRequest(random);
            assertSameAsMapForm(request);
        }
    }

    @SuppressWarnings("deprecation")
    private static ChatRequest randomRequest(Random random) {
        ChatRequest.Builder b = ChatRequest.builder().model(pick(random, "llama-3.3-70b-versatile", "groq/compound",
                "openai/gpt-oss-120b", AWKWARD));
        int messages = 1 + random.nextInt(5);
        for (int i = 0; i < messages; i++) b.addMessage(randomMessage(random));
        boolean tools = maybe(random);
        if (tools) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                b.addTool(pick(random, Tool.builtIn(Tool.BROWSER_SEARCH), Tool.function("no_params", null, null),
                        Tool.function("get_weather", "Weather", CITY_SCHEMA).withStrict(random.nextBoolean())));
            }
            if (maybe(random)) {
                b.toolChoice(pick(random, ToolChoice.NONE, ToolChoice.AUTO, ToolChoice.REQUIRED,
                        ToolChoice.function("get_weather")));
            }
        }
        if (maybe(random)) b.parallelToolCalls(random.nextBoolean());
        ResponseFormat format = maybe(random) ? pick(random, ResponseFormat.text(), ResponseFormat.jsonObject(),
                ResponseFormat.jsonSchema("city", null, CITY_SCHEMA, random.nextBoolean())) : null;
        b.responseFormat(format);
        if (maybe(random)) b.temperature(2 * random.nextDouble());
        if (maybe(random)) b.topP(random.nextDouble());
        if (maybe(random)) b.maxCompletionTokens(1 + random.nextInt(Integer.MAX_VALUE));
        if (maybe(random)) b.maxTokens(1 + random.nextInt(4096));
        if (maybe(random)) {
            if (random.nextBoolean()) b.stop(pick(random, "END", "\n", AWKWARD));
            else b.stop(List.of("END", AWKWARD).subList(0, random.nextInt(3)));
        }
        if (maybe(random)) b.seed(random.nextLong());
        if (maybe(random)) {
            // raw reasoning is refused with tools and JSON modes; reasoning_format and include_reasoning exclude
            // each other
            boolean rawAllowed = !tools && (format == null || format.type().equals("text"));
            ChatRequest.ReasoningFormat[] formats = ChatRequest.ReasoningFormat.values();
            ChatRequest.ReasoningFormat chosen = formats[random.nextInt(formats.length)];
            if (chosen != ChatRequest.ReasoningFormat.RAW || rawAllowed) b.reasoningFormat(chosen);
        } else if (maybe(random)) {
            b.includeReasoning(random.nextBoolean());
        }
        if (maybe(random)) b.reasoningEffort(pick(random, ChatRequest.ReasoningEffort.values()));
        if (maybe(random)) b.serviceTier(pick(random, ChatRequest.ServiceTier.values()));
        if (maybe(random)) {
            b.searchSettings(SearchSettings.builder().includeDomains(List.of("*.gov"))
                    .includeImages(maybe(random) ? random.nextBoolean() : null).build());
        }
        if (maybe(random)) b.compoundCustom(CompoundCustom.builder().enabledTools(List.of("web_search")).build());
        if (maybe(random)) {
            b.addDocument(Document.text(AWKWARD));
            if (maybe(random)) b.addDocument(Document.json(Map.of("n", random.nextInt())).withId("d"));
        }
        if (maybe(random)) b.citationOptions(random.nextBoolean());
        if (maybe(random)) b.user(pick(random, "u-1", AWKWARD));
        if (maybe(random)) b.disableToolValidation(random.nextBoolean());
        if (maybe(random)) b.frequencyPenalty(4 * random.nextDouble() - 2);
        if (maybe(random)) b.presencePenalty(4 * random.nextDouble() - 2);
        if (maybe(random)) b.metadata(orderedMap("z", "1", "a", AWKWARD));
        if (maybe(random)) b.n(1);
        if (random.nextInt(6) == 0) {
            b.extraBody(pick(random, "temperature", "messages", "model", "user", "logit_bias", "x_new"),
                    pick(random, 1, "text", List.of(1, "two"), Map.of("k", true), JsonValue.NULL));
        }
        ChatRequest request = b.build();
        return random.nextInt(4) == 0 ? ChatRequestsForTests.streaming(request) : request;
    }

    private static Message randomMessage(Random random) {
        ToolCall call = ToolCall.function("call_" + random.nextInt(100), "get_weather", "{\"city\":\"Paris\"}");
        switch (random.nextInt(10)) {
            case 0: return Message.system(pick(random, "Be brief.", AWKWARD));
            case 1: return Message.developer("Answer in French.");
            case 2: return Message.user(pick(random, "Hello", AWKWARD, ""));
            case 3: return Message.user(ContentPart.text(AWKWARD),
                    ContentPart.imageUrl("https://example.com/a.png", pick(random, ContentPart.Detail.values())),
                    ContentPart.document(JsonValue.parse("{\"id\":1}")));
            case 4: return Message.assistant("It is sunny.");
            case 5: return Message.assistant(List.of(ContentPart.text("Part one."), ContentPart.text("Two.")));
            case 6: return Message.assistant(maybe(random) ? null : "Looking.", maybe(random) ? null : AWKWARD,
                    maybe(random) ? List.of() : List.of(call));
            case 7: return Message.tool("call_1", "{\"temperature\":21}");
            case 8: return Message.tool("call_1", List.of(ContentPart.text("shipped"),
                    ContentPart.imageBytes(new byte[] {9, 8, 7}, "image/jpeg")));
            default: return Message.system(ContentPart.text("Be brief."));
        }
    }

    private static boolean maybe(Random random) {
        return random.nextBoolean();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}
