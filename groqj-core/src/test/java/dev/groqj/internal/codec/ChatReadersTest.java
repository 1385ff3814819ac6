package dev.groqj.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.Fixtures;
import dev.groqj.Fixtures.Interaction;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.error.DecodingException;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written readers give what plain data binding of the same records gives: on every recorded chat answer
 * and chunk, on hand-made edge cases, and on thousands of random mutations of the recorded ones (fields dropped,
 * nulled, retyped, unknown fields added at every depth), where both must agree on the value or both fail.
 */
class ChatReadersTest {
    private static final ObjectMapper BOUND = Json.dataBinding().build();
    private static final ObjectMapper TREES = new ObjectMapper();

    @Test
    void groqjsMapperReadsTheChatTypesWithTheseReaders() {
        assertThat(Json.MAPPER.getRegisteredModuleIds()).contains(ChatReaders.MODULE.getTypeId());
        assertThat(BOUND.getRegisteredModuleIds()).doesNotContain(ChatReaders.MODULE.getTypeId());
    }

    @Test
    void everyRecordedCompletionAndChunkReadsAsDataBindingReadsIt() {
        int completions = 0, chunks = 0;
        for (String payload : recordedCompletions()) {
            assertSame(payload, ChatCompletion.class);
            completions++;
        }
        for (String payload : recordedChunks()) {
            assertSame(payload, ChatCompletionChunk.class);
            chunks++;
        }
        assertThat(completions).as("recorded completions").isGreaterThanOrEqualTo(20);
        assertThat(chunks).as("recorded chunks").isGreaterThanOrEqualTo(500);
    }

    @Test
    void edgeCasesReadAsDataBindingReadsThem() {
        String[] completions = {
            "{}",
            "{\"id\":null,\"created\":null,\"choices\":null,\"usage\":null,\"x_groq\":null,\"mcp_list_tools\":null}",
            "{\"created\":\"1712345678\",\"choices\":[null,{\"index\":\"1\",\"finish_reason\":\"content_filter\"}]}",
            "{\"created\":1.0E9,\"choices\":[{\"index\":0.0,\"message\":{\"role\":\"assistant\",\"content\":7}}]}",
            "{\"choices\":[{\"message\":{\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\",\"strict\":true},\"extra\":[1,{}]}]}}]}",
            "{\"usage\":{\"prompt_tokens\":\"12\",\"queue_time\":\"0.5\",\"total_time\":1,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":3,\"other\":null},"
                    + "\"completion_tokens_details\":null,\"new\":{\"a\":[true,false,null]}}}",
            "{\"x_groq\":{\"id\":\"req\",\"seed\":123456789012,\"usage\":{\"sram_cached_tokens\":5,"
                    + "\"dram_cached_tokens\":\"6\"},\"debug\":null},\"service_tier\":\"on_demand\"}",
            "{\"x_groq\":{\"seed\":\"42\"},\"unknown\":null,\"nested\":{\"deep\":{\"deeper\":[1.5e300,-0]}}}",
            "{\"id\":\"a\",\"id\":\"b\",\"choices\":[{\"index\":0},{\"index\":1}],\"choices\":[]}",
        };
        for (String json : completions) assertSame(json, ChatCompletion.class);
        String[] chunks = {
            "{}",
            "{\"choices\":[{\"delta\":{}}],\"x_groq\":{\"error\":\"stopped\",\"usage\":{\"total_tokens\":9}}}",
            "{\"choices\":[{\"delta\":null,\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"\\u00e9\\ud83d\\ude00\",\"channel\":\"analysis\"},"
                    + "\"logprobs\":{\"content\":[]}}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"a\\\"\"}},"
                    + "null]}}]}",
            "{\"choices\":[{\"delta\":{\"executed_tools\":[{\"index\":0,\"type\":\"search\",\"arguments\":\"{}\"}],"
                    + "\"annotations\":[]}}],\"usage\":{\"completion_tokens_details\":{\"reasoning_tokens\":4}}}",
        };
        for (String json : chunks) assertSame(json, ChatCompletionChunk.class);
    }

    @Test
    void aRepeatedFieldIsReusedOnlyWhenItsTextIsTheSame() {
        String[] stream = {
            "{\"id\":\"chatcmpl-a1\",\"model\":\"m\",\"system_fingerprint\":\"fp_1\"}",
            "{\"id\":\"chatcmpl-a1\",\"model\":\"m\",\"system_fingerprint\":\"fp_1\"}",
            "{\"id\":\"chatcmpl-a2\",\"model\":\"n\",\"system_fingerprint\":\"fp_1\"}",
            "{\"id\":\"chatcmpl-\u00e92\",\"model\":null,\"system_fingerprint\":12}",
            "{\"id\":\"chatcmpl-a2\",\"object\":\"chat.completion.chunk\"}",
            "{\"id\":\"\",\"object\":\"chat.completion.chunk\",\"model\":\"m\"}",
        };
        for (String json : stream) assertSame(json, ChatCompletionChunk.class);

        ChatCompletionChunk first = Json.read(stream[0], ChatCompletionChunk.class);
        ChatCompletionChunk second = Json.read(stream[1], ChatCompletionChunk.class);
        assertThat(second.id()).isEqualTo("chatcmpl-a1").isSameAs(first.id());
        assertThat(Json.read(stream[2], ChatCompletionChunk.class).id()).isEqualTo("chatcmpl-a2");
    }

    @Test
    void malformedAnswersFailAsDataBindingFails() {
        String[] malformed = {
            "[]", "\"text\"", "{\"choices\":{}}", "{\"choices\":[1]}", "{\"usage\":\"x\"}", "{\"created\":{}}",
            "{\"choices\":[{\"index\":[]}]}", "{\"id\":{\"a\":1}}", "{\"x_groq\":{\"seed\":\"abc\"}}",
            "{\"choices\":[{\"message\":{\"tool_calls\":{}},\"delta\":{\"tool_calls\":{}}}]}", "{\"usage\":{\"prompt_tokens\":99999999999}}",
        };
        for (String json : malformed) {
            for (Class<?> type : List.of(ChatCompletion.class, ChatCompletionChunk.class)) {
                assertThatThrownBy(() -> BOUND.readValue(json, type)).as("data binding, %s", json)
                        .isInstanceOf(IOException.class);
                assertThatThrownBy(() -> Json.read(json, type)).as("reader, %s", json)
                        .isInstanceOf(DecodingException.class);
            }
        }
    }

    @Test
    void randomMutationsOfRecordedAnswersReadAsDataBindingReadsThem() {
        Random random = new Random(17);
        List<String> completions = recordedCompletions();
        List<String> chunks = recordedChunks();
        for (int i = 0; i < 3000; i++) {
            boolean completion = i % 2 == 0;
            List<String> source = completion ? completions : chunks;
            JsonNode tree = tree(source.get(random.nextInt(source.size())));
            for (int m = 1 + random.nextInt(4); m > 0; m--) mutate(tree, random);
            assertSame(tree.toString(), completion ? ChatCompletion.class : ChatCompletionChunk.class);
        }
    }

    /** Both read {@code json} to equal values, or both fail. */
    private static void assertSame(String json, Class<?> type) {
        Object expected;
        try {
            expected = BOUND.readValue(json, type);
        } catch (IOException e) {
            assertThatThrownBy(() -> Json.read(json, type)).as("data binding failed (%s) on %s", e.getMessage(), json)
                    .isInstanceOf(DecodingException.class);
            return;
        }
        Object actual;
        try {
            actual = Json.read(json.getBytes(StandardCharsets.UTF_8), type);
        } catch (DecodingException e) {
            throw new AssertionError("the reader failed where data binding read " + expected + " from " + json, e);
        }
        assertThat(actual).as("%s from %s", type.getSimpleName(), json).isEqualTo(expected);
    }

    /** One random change at a random depth: drop, null, retype or add a field, or null an array element. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ArrayNode array) {
            if (array.isEmpty()) return;
            array.set(random.nextInt(array.size()), JsonNodeFactory.instance.nullNode());
            return;
        }
        ObjectNode object = (ObjectNode) target;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(5) == 0 ? "unknown_" + random.nextInt(3)
                : names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> object.remove(name);
            case 1 -> object.putNull(name);
            case 2 -> object.put(name, random.nextInt(1000));
            case 3 -> object.put(name, String.valueOf(random.nextInt(1000)));
            case 4 -> object.put(name, random.nextDouble());
            default -> object.putObject(name).put("k", "v").putArray("a").add(1).addNull();
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (!node.isContainerNode()) return;
        containers.add(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collect(it.next(), containers);
    }

    private static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> recordedCompletions() {
        List<String> bodies = new ArrayList<>();
        for (Interaction call : Fixtures.chatInteractions()) {
            if (!call.isStream() && call.status() == 200) bodies.add(call.responseText());
        }
        for (String file : Fixtures.list("recorded/vercel-ai", ".json")) {
            String body = Fixtures.read(file);
            if (tree(body).path("object").asText().equals("chat.completion")) bodies.add(body);
        }
        return bodies;
    }

    private static List<String> recordedChunks() {
        List<String> payloads = new ArrayList<>();
        for (Interaction call : Fixtures.chatInteractions()) {
            if (call.isStream()) call.responseText().lines().forEach(line -> addChunk(line, payloads));
        }
        for (String file : Fixtures.list("recorded/vercel-ai", ".chunks.txt")) {
            Fixtures.read(file).lines().forEach(line -> addChunk("data: " + line, payloads));
        }
        return payloads;
    }

    private static void addChunk(String line, List<String> payloads) {
        if (!line.startsWith("data:")) return;
        String data = line.substring("data:".length()).trim();
        if (data.equals("[DONE]") || data.isEmpty()) return;
        JsonNode tree = tree(data);
        if (tree.has("error") && !tree.has("choices")) return;
        payloads.add(data);
    }
}
