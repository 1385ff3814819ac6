package dev.groqj.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.GroqConfig;
import dev.groqj.JsonValue;
import dev.groqj.RequestOptions;
import dev.groqj.batches.Batch;
import dev.groqj.batches.BatchCreateRequest;
import dev.groqj.batches.BatchLine;
import dev.groqj.batches.BatchOutputLine;
import dev.groqj.files.FileObject;
import dev.groqj.internal.Json;
import dev.groqj.models.Model;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every value a caller hands in is copied, and every value it gets out cannot be changed: nothing changes on the
 * wire afterwards (issue 11, item 11). Each test builds a value, records its JSON, mutates everything it can reach
 * (free-form JSON is a JsonValue, whose maps refuse changes), and compares.
 */
@SuppressWarnings("unchecked") // casts into the maps and lists of Object that unknown fields are read as
class ValuesStayValuesTest {

    @Test
    void chatRequestIgnoresLaterChangesToWhatWasPassedIn() {
        Map<String, Object> extraMap = new HashMap<>(Map.of("a", new ArrayList<>(List.of(1))));
        ObjectNode extraNode = Json.MAPPER.createObjectNode().put("k", "v");
        Map<String, Object> schema = new LinkedHashMap<>(Map.of("type", "object"));
        ObjectNode docData = Json.MAPPER.createObjectNode().put("fact", 1);
        List<Message> messages = new ArrayList<>(List.of(Message.user("hi")));
        List<String> stop = new ArrayList<>(List.of("END"));
        Map<String, String> metadata = new HashMap<>(Map.of("team", "a"));
        List<String> domains = new ArrayList<>(List.of("groq.com"));
        List<String> enabled = new ArrayList<>(List.of("web_search"));
        ChatRequest request = ChatRequest.builder().model("m").messages(messages)
                .tools(new ArrayList<>(List.of(Tool.function("f", null, schema))))
                .responseFormat(ResponseFormat.jsonSchema("s", null, schema, true))
                .stop(stop).metadata(metadata)
                .addDocument(Document.json(docData))
                .searchSettings(SearchSettings.builder().includeDomains(domains).build())
                .compoundCustom(CompoundCustom.builder().enabledTools(enabled).build())
                .extraBody("map", extraMap).extraBody("node", extraNode)
                .build();
        String before = Json.writeString(request);

        ((List<Integer>) extraMap.get("a")).add(2);
        extraMap.put("b", 3);
        extraNode.put("k", "changed");
        schema.put("type", "string");
        docData.put("fact", 2);
        messages.add(Message.user("injected"));
        stop.add("STOP");
        metadata.put("team", "b");
        domains.add("evil.example");
        enabled.add("code_interpreter");

        assertThat(Json.writeString(request)).isEqualTo(before);
    }

    @Test
    void chatRequestHandsOutCopiesOrUnmodifiableViews() {
        ChatRequest request = ChatRequest.builder().model("m").addMessage(Message.user("hi"))
                .addTool(Tool.function("f", null, Map.of("type", "object", "properties", Map.of())))
                .stop(List.of("END")).metadata(Map.of("team", "a")).extraHeader("X-Trace", "1")
                .extraBody("node", Json.MAPPER.createObjectNode().put("k", "v"))
                .build();
        String before = Json.writeString(request);

        assertRefusesChange(request.extraBody().get("node"));
        assertRefusesChange(request.tools().get(0).function().parameters());
        assertThatThrownBy(() -> request.extraBody().put("x", JsonValue.of(1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.messages().add(Message.user("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.tools().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.stop().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.extraHeaders().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);

        assertThat(Json.writeString(request)).isEqualTo(before);
        assertThat(request.extraHeaders()).containsKey("x-trace");
    }

    @Test
    void toolFunctionMadeFromAMapKeepsItsOwnCopy() {
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("type", "object"));
        Tool.Function function = new Tool.Function("f", null, JsonValue.of(parameters), null);

        parameters.put("type", "string");
        assertRefusesChange(function.parameters());

        assertThat(function.parameters()).isEqualTo(JsonValue.of(Map.of("type", "object")));
    }

    @Test
    void toolCallSentBackKeepsItsOwnCopyOfUnknownFields() {
        Map<String, Object> extra = new LinkedHashMap<>(Map.of("index", 0));
        ToolCall call = new ToolCall("call_1", "function", new ToolCall.Function("f", "{}", null),
                Map.of("extra", JsonValue.of(extra)));
        Message message = Message.assistant(null, List.of(call));
        String before = Json.writeString(message);

        extra.put("index", 1);
        assertRefusesChange(call.additionalProperties().get("extra"));
        call.additionalProperties().forEach((name, value) -> assertRefusesChange(value));

        assertThat(Json.writeString(message)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonValuesOfAResponseCannotBeChanged() {
        ChatCompletion completion = Json.read("{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"executed_tools\":[{\"index\":0,\"type\":\"python\",\"code_results\":[{\"text\":\"1\"}],"
                + "\"browser_results\":[{\"url\":\"u\"}]}]},\"logprobs\":{\"content\":[]}}],"
                + "\"x_groq\":{\"id\":\"req\",\"debug\":{\"k\":{\"a\":1}}},\"mcp_list_tools\":[{\"tools\":[{\"name\":\"t\","
                + "\"input_schema\":{\"type\":\"object\"}}]}]}", ChatCompletion.class);
        String before = Json.writeString(completion);
        Choice choice = completion.choices().get(0);
        ExecutedTool tool = choice.message().executedTools().get(0);

        assertThatThrownBy(() -> choice.logprobs().content().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) completion.xGroq().debug().additionalProperties().get("k"))
                .put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertRefusesChange(completion.mcpListTools().get(0).tools().get(0).inputSchema());
        assertThat(tool.codeResults().get(0).text()).isEqualTo("1");
        assertThat(tool.browserResults().get(0).url()).isEqualTo("u");

        assertThat(Json.writeString(completion)).isEqualTo(before)
                .contains("\"code_results\"", "\"browser_results\"").doesNotContain("codeResults");
    }

    @Test
    void modelsFilesAndBatchesReadFromJsonCannotBeChanged() {
        Model model = Json.read("{\"id\":\"m\",\"public_apps\":{\"a\":[1]},\"novel\":{\"b\":[2]}}", Model.class);
        FileObject file = Json.read("{\"id\":\"f\",\"novel\":{\"b\":1}}", FileObject.class);
        Batch batch = Json.read("{\"id\":\"b\",\"metadata\":{\"job\":\"x\"}}", Batch.class);
        BatchOutputLine line = Json.read("{\"id\":\"l\",\"response\":{\"status_code\":200,\"body\":{\"k\":1}}}",
                BatchOutputLine.class);

        assertThatThrownBy(() -> ((Map<String, Object>) model.publicApps()).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) ((Map<String, Object>) model.additionalProperties().get("novel")).get("b")).add(3))
                .isInstanceOf(UnsupportedOperationException.class);
        assertRefusesChange(file.additionalProperties().get("novel"));
        assertThatThrownBy(() -> batch.metadata().put("job", JsonValue.string("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertRefusesChange(line.response().body());

        assertThat(file.additionalProperties().get("novel").get("b").asInt()).isEqualTo(1);
        assertThat(line.response().body().get("k").asInt()).isEqualTo(1);
    }

    @Test
    void unknownResponseFieldsCannotBeChanged() {
        ChatCompletion completion = Json.read("{\"id\":\"c\",\"choices\":[],\"novel\":{\"a\":1}}", ChatCompletion.class);

        assertRefusesChange(completion.additionalProperties().get("novel"));

        assertThat(completion.additionalProperties().get("novel").get("a").asInt()).isEqualTo(1);
        assertThat(Json.writeString(completion)).contains("\"novel\":{\"a\":1}");
        assertThatThrownBy(() -> completion.additionalProperties().remove("novel"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> completion.additionalProperties().entrySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void batchValuesIgnoreLaterChanges() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("model", "m");
        ArrayNode list = body.putArray("messages");
        BatchLine line = BatchLine.of("1", "POST", "/v1/chat/completions", body);
        Map<String, String> metadata = new HashMap<>(Map.of("job", "nightly"));
        BatchCreateRequest batch = BatchCreateRequest.builder().inputFileId("file_1").metadata(metadata).build();
        String lineBefore = line.toJson();
        String batchBefore = Json.writeString(batch);

        list.add("injected");
        assertRefusesChange(line.body());
        metadata.put("job", "changed");

        assertThat(line.toJson()).isEqualTo(lineBefore);
        assertThat(Json.writeString(batch)).isEqualTo(batchBefore);
        assertThatThrownBy(() -> batch.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void clientAndCallHeadersAreUnmodifiableAndIgnoreCase() {
        GroqConfig config = GroqConfig.builder().apiKey("gsk_test_abcdefghijklmnop1234")
                .defaultHeader("x-trace", "a").defaultHeader("X-Trace", "b").build();
        RequestOptions options = RequestOptions.builder().header("x-one", "1").queryParam("q", "1").build();

        assertThat(config.defaultHeaders()).hasSize(1).containsEntry("X-TRACE", "b");
        assertThatThrownBy(() -> config.defaultHeaders().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> options.queryParams().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    /** A JsonValue object's fields cannot be changed through it. */
    private static void assertRefusesChange(JsonValue object) {
        assertThatThrownBy(() -> object.asMap().put("k", JsonValue.of("changed")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
