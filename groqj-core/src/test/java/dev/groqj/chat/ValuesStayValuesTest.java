package dev.groqj.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.GroqConfig;
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
 * Every value a caller hands in, or gets out, is a copy: changing it afterwards changes nothing on the wire
 * (issue 11, item 11). Each test builds a value, records its JSON, mutates everything it can reach, and compares.
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

        ((ObjectNode) request.extraBody().get("node")).put("k", "changed");
        ((ObjectNode) request.tools().get(0).function().parameters()).put("type", "string");
        assertThatThrownBy(() -> request.extraBody().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.messages().add(Message.user("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.tools().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.stop().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.extraHeaders().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);

        assertThat(Json.writeString(request)).isEqualTo(before);
        assertThat(request.extraHeaders()).containsKey("x-trace");
    }

    @Test
    void toolFunctionMadeFromANodeKeepsItsOwnCopy() {
        ObjectNode parameters = Json.MAPPER.createObjectNode().put("type", "object");
        Tool.Function function = new Tool.Function("f", null, parameters, null);

        parameters.put("type", "string");
        ((ObjectNode) function.parameters()).putArray("required");

        assertThat(function.parameters()).isEqualTo(Json.MAPPER.createObjectNode().put("type", "object"));
    }

    @Test
    void toolCallSentBackKeepsItsOwnCopyOfUnknownFields() {
        ObjectNode extra = Json.MAPPER.createObjectNode().put("index", 0);
        ToolCall call = new ToolCall("call_1", "function", new ToolCall.Function("f", "{}", null), Map.of("extra", extra));
        Message message = Message.assistant(null, List.of(call));
        String before = Json.writeString(message);

        extra.put("index", 1);
        ((ObjectNode) call.additionalProperties().get("extra")).put("index", 2);
        call.additionalProperties().forEach((name, node) -> ((ObjectNode) node).put("index", 3));

        assertThat(Json.writeString(message)).isEqualTo(before);
    }

    @Test
    void jsonNodesOfAResponseAreHandedOutAsCopies() {
        ChatCompletion completion = Json.read("{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"executed_tools\":[{\"index\":0,\"type\":\"python\",\"code_results\":[{\"text\":\"1\"}],"
                + "\"browser_results\":[{\"url\":\"u\"}]}]},\"logprobs\":{\"content\":[]}}],"
                + "\"x_groq\":{\"id\":\"req\",\"debug\":{\"k\":1}}}", ChatCompletion.class);
        String before = Json.writeString(completion);
        Choice choice = completion.choices().get(0);
        ExecutedTool tool = choice.message().executedTools().get(0);

        ((ObjectNode) choice.logprobs()).put("content", "changed");
        ((ObjectNode) completion.xGroq().debug()).put("k", 2);
        ((ObjectNode) tool.codeResults().get(0)).put("text", "2");
        ((ObjectNode) tool.browserResults().get(0)).put("url", "evil");

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
        ((ObjectNode) file.additionalProperties().get("novel")).put("b", 2);
        assertThatThrownBy(() -> batch.metadata().put("job", "y")).isInstanceOf(UnsupportedOperationException.class);
        ((ObjectNode) line.response().body()).put("k", 2);

        assertThat(file.additionalProperties().get("novel").get("b").asInt()).isEqualTo(1);
        assertThat(line.response().body().get("k").asInt()).isEqualTo(1);
    }

    @Test
    void unknownResponseFieldsAreHandedOutAsCopies() {
        ChatCompletion completion = Json.read("{\"id\":\"c\",\"choices\":[],\"novel\":{\"a\":1}}", ChatCompletion.class);

        ((ObjectNode) completion.additionalProperties().get("novel")).put("a", 2);

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
        ((ObjectNode) line.body()).put("model", "other");
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
}
