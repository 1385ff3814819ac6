package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The fake's Responses API ({@code POST /responses}): checks a request the way Groq does, then answers from it
 * deterministically with the built-in model's rules, whole or as the stream of typed events Groq (and OpenAI)
 * send.
 *
 * <p>The answer is a message {@code "You said: <last user text>"} ({@code "The tools answered: <output>; ..."}
 * once function outputs follow the last user message), JSON for {@code text.format} json_object or json_schema (an
 * instance of the schema), preceded by a reasoning item on reasoning models. With function tools it is
 * {@code function_call}s instead, whose arguments fit the functions' parameters: with {@code tool_choice} auto,
 * of the functions not yet called since the last user message, two per answer (one without parallel tool calls);
 * with "required" or a named function, that one, unless the input ends with a function's output. Each remote MCP
 * tool yields {@code mcp_list_tools} and an {@code mcp_call} whose output names the server and the text, or, with {@code require_approval} "always" and no approval in the input, an
 * {@code mcp_approval_request} that ends the response. {@code browser_search} and {@code code_interpreter} yield
 * a {@code web_search_call} and a {@code code_interpreter_call}. A small {@code max_output_tokens} cuts the
 * message: status {@code incomplete}, reason {@code max_output_tokens}.
 */
final class FakeResponses {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PROPERTIES = Set.of("model", "input", "instructions", "max_output_tokens",
            "temperature", "top_p", "tools", "tool_choice", "text", "reasoning", "metadata", "parallel_tool_calls",
            "store", "stream", "user", "service_tier", "truncation");

    /** Identifiers of one response: the request id, a counter for item ids, the creation second. */
    record Ids(String requestId, long seq, long createdAt) {
        String of(String prefix, int index) {
            return FakeGroqServer.ulid(prefix, seq * 64 + index);
        }
    }

    /** What the model decided: its whole output items, and the counts usage reports. */
    record Answer(List<ObjectNode> items, String incompleteReason, long inputTokens, long outputTokens,
                  long reasoningTokens) {
        String status() {
            return incompleteReason == null ? "completed" : "incomplete";
        }
    }

    private FakeResponses() {
    }

    /** Rejects what Groq rejects, with Groq's 400 messages. */
    static void validate(JsonNode request) {
        if (!request.isObject()) throw GroqErrors.Failure.invalid(null, "request body must be a JSON object");
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw GroqErrors.Failure.invalid(name, "property '" + name + "' is unsupported");
            }
        }
        for (String required : List.of("model", "input")) {
            if (!request.hasNonNull(required)) {
                throw GroqErrors.Failure.invalid(required, "'" + required + "' : property '" + required
                        + "' is missing");
            }
        }
        JsonNode input = request.get("input");
        if (!input.isTextual() && !input.isArray()) {
            throw GroqErrors.Failure.invalid("input", "'input' : value must be a string or an array of items");
        }
        for (int i = 0; i < input.size(); i++) {
            if (!input.get(i).isObject()) {
                throw GroqErrors.Failure.invalid("input." + i, "'input." + i + "' : value must be an object");
            }
        }
        range(request, "temperature", 0, 2);
        range(request, "top_p", 0, 1);
        if (request.path("store").asBoolean(false)) {
            throw GroqErrors.Failure.invalid("store", "'store' : only false is supported");
        }
        if (request.path("tools").size() > 128) {
            throw GroqErrors.Failure.invalid("tools", "'tools' : maximum number of items is 128");
        }
        JsonNode choice = request.path("tool_choice");
        if (choice.isObject() && function(request, choice.path("function").path("name").asText()) == null) {
            throw GroqErrors.Failure.invalid("tool_choice", "Tool choice is '" + choice.path("function").path("name")
                    .asText() + "', but it is not in the list of tools");
        }
    }

    private static void range(JsonNode request, String name, double min, double max) {
        JsonNode value = request.get(name);
        if (value != null && !value.isNull() && !(value.asDouble() >= min && value.asDouble() <= max)) {
            throw GroqErrors.Failure.invalid(name, "'" + name + "' : must be between " + min + " and " + max);
        }
    }

    static Answer answer(JsonNode request, ModelCatalog.Entry model, Ids ids) {
        if (model.kind() != ModelCatalog.Kind.CHAT && model.kind() != ModelCatalog.Kind.REASONING) {
            throw GroqErrors.Failure.invalid("model", "The model `" + model.id() + "` does not support responses");
        }
        JsonNode input = request.get("input");
        String said = said(input);
        long inputTokens = FakeChatModel.tokens(request.path("instructions").asText("")).size();
        for (String text : texts(input)) inputTokens += FakeChatModel.tokens(text).size();

        List<ObjectNode> items = new ArrayList<>();
        long reasoningTokens = 0;
        if (model.kind() == ModelCatalog.Kind.REASONING) {
            String reasoning = "The user wrote \"" + said + "\". I will answer.";
            reasoningTokens = FakeChatModel.tokens(reasoning).size();
            ObjectNode item = item("reasoning", ids.of("rs_", items.size()));
            item.putArray("summary");
            item.putArray("content").addObject().put("type", "reasoning_text").put("text", reasoning);
            items.add(item);
        }
        boolean waiting = false;
        for (JsonNode tool : request.path("tools")) {
            switch (tool.path("type").asText()) {
                case "mcp": waiting |= mcp(tool, input, said, ids, items); break;
                case "browser_search": {
                    ObjectNode item = item("web_search_call", ids.of("ws_", items.size())).put("status", "completed");
                    item.putObject("action").put("type", "search").put("query", said);
                    items.add(item);
                    break;
                }
                case "code_interpreter": {
                    ObjectNode item = item("code_interpreter_call", ids.of("ci_", items.size()))
                            .put("status", "completed").put("code", "print(" + Json.writeString(NODES.textNode(said))
                                    + ")").put("container_id", ids.of("cntr_", 0));
                    item.putArray("outputs").addObject().put("type", "logs").put("logs", said + "\n");
                    items.add(item);
                    break;
                }
                default: break;
            }
        }
        long outputTokens = reasoningTokens;
        String incomplete = null;
        List<ObjectNode> calls = waiting ? List.of() : functionCalls(request, input, said, ids, items.size());
        if (!calls.isEmpty()) {
            for (ObjectNode call : calls) {
                items.add(call);
                outputTokens += FakeChatModel.tokens(call.get("arguments").asText()).size();
            }
        } else if (!waiting) {
            List<String> tokens = FakeChatModel.tokens(text(request, input, said));
            JsonNode max = request.get("max_output_tokens");
            if (max != null && !max.isNull() && max.asLong() < reasoningTokens + tokens.size()) {
                tokens = tokens.subList(0, (int) Math.max(0, Math.min(tokens.size(), max.asLong() - reasoningTokens)));
                incomplete = "max_output_tokens";
            }
            items.add(message(ids.of("msg_", items.size()), String.join("", tokens),
                    incomplete == null ? "completed" : "incomplete"));
            outputTokens += tokens.size();
        }
        return new Answer(items, incomplete, Math.max(1, inputTokens), outputTokens, reasoningTokens);
    }

    /** The list of a server's tools, then a call of its first allowed tool, or a request to approve it. */
    private static boolean mcp(JsonNode tool, JsonNode input, String said, Ids ids, List<ObjectNode> items) {
        String label = tool.path("server_label").asText("mcp");
        String name = tool.path("allowed_tools").path(0).asText("search");
        ObjectNode list = item("mcp_list_tools", ids.of("mcpl_", items.size())).put("server_label", label);
        ObjectNode listed = list.putArray("tools").addObject().put("name", name)
                .put("description", "Searches " + label + " for a query");
        listed.putObject("input_schema").put("type", "object").putObject("properties")
                .putObject("query").put("type", "string");
        listed.putNull("annotations");
        list.putNull("error");
        items.add(list);
        String arguments = Json.writeString(NODES.objectNode().put("query", said));
        JsonNode approval = null;
        for (JsonNode item : input) {
            if (item.path("type").asText().equals("mcp_approval_response")) approval = item;
        }
        if (approval == null && tool.path("require_approval").asText("never").equals("always")) {
            items.add(item("mcp_approval_request", ids.of("mcpr_", items.size())).put("server_label", label)
                    .put("name", name).put("arguments", arguments));
            return true;
        }
        if (approval != null && !approval.path("approve").asBoolean()) return false;
        ObjectNode call = item("mcp_call", ids.of("mcp_", items.size())).put("server_label", label).put("name", name)
                .put("arguments", arguments).put("output", "[" + label + "] " + name + " found 3 results for: " + said);
        call.putNull("error");
        call.put("status", "completed");
        if (approval != null) call.put("approval_request_id", approval.path("approval_request_id").asText());
        items.add(call);
        return false;
    }

    /**
     * The calls: the one a request forces ({@code tool_choice} "required" or a named function) unless the input
     * ends with a function's output; with "auto" (the default), the function tools not yet called since the last
     * user message, in the order declared, two per answer (one when {@code parallel_tool_calls} is false), none
     * once each was called, so the model answers in words from the outputs.
     */
    private static List<ObjectNode> functionCalls(JsonNode request, JsonNode input, String said, Ids ids, int index) {
        JsonNode choice = request.path("tool_choice");
        List<JsonNode> since = sinceLastUser(input);
        List<JsonNode> tools = new ArrayList<>();
        if (choice.isObject() || choice.asText("").equals("required")) {
            JsonNode tool = function(request, choice.isObject() ? choice.path("function").path("name").asText() : null);
            if (tool != null && !lastType(input).equals("function_call_output")) tools.add(tool);
        } else if (choice.asText("auto").equals("auto")) {
            List<String> called = new ArrayList<>();
            for (JsonNode item : since) {
                if (item.path("type").asText().equals("function_call")) called.add(item.path("name").asText());
            }
            int perAnswer = request.path("parallel_tool_calls").asBoolean(true) ? 2 : 1;
            for (JsonNode tool : request.path("tools")) {
                if (tools.size() == perAnswer) break;
                if (tool.path("type").asText().equals("function") && !called.contains(tool.path("name").asText())) {
                    tools.add(tool);
                }
            }
        }
        List<ObjectNode> calls = new ArrayList<>();
        int earlier = (int) since.stream().filter(i -> i.path("type").asText().equals("function_call")).count();
        for (JsonNode tool : tools) {
            String name = tool.path("name").asText();
            JsonNode arguments = FakeChatModel.instance(tool.path("parameters"), said, 0);
            ObjectNode call = item("function_call", ids.of("fc_", index + calls.size()));
            int n = earlier + calls.size();
            call.put("call_id", "call_" + Integer.toHexString((name + said).hashCode() & 0x7fffffff)
                    + (n == 0 ? "" : "_" + n));
            call.put("name", name);
            call.put("arguments", Json.writeString(arguments.isObject() ? arguments : NODES.objectNode()));
            call.put("status", "completed");
            calls.add(call);
        }
        return calls;
    }

    /** The input items after the last user message. */
    private static List<JsonNode> sinceLastUser(JsonNode input) {
        List<JsonNode> since = new ArrayList<>();
        for (JsonNode item : input) {
            if (item.path("role").asText().equals("user")) since.clear();
            else since.add(item);
        }
        return since;
    }

    /** The function tool named {@code name}, or the first function tool when {@code name} is null. */
    private static JsonNode function(JsonNode request, String name) {
        for (JsonNode tool : request.path("tools")) {
            if (tool.path("type").asText().equals("function")
                    && (name == null || tool.path("name").asText().equals(name))) {
                return tool;
            }
        }
        return null;
    }

    private static String text(JsonNode request, JsonNode input, String said) {
        JsonNode format = request.path("text").path("format");
        switch (format.path("type").asText("text")) {
            case "json_object":
                return Json.writeString(NODES.objectNode().put("answer", "You said: " + said));
            case "json_schema":
                return Json.writeString(FakeChatModel.instance(format.path("schema"), said, 0));
            default:
                StringBuilder outputs = new StringBuilder();
                for (JsonNode item : sinceLastUser(input)) {
                    if (!item.path("type").asText().equals("function_call_output")) continue;
                    outputs.append(outputs.length() == 0 ? "The tools answered: " : "; ")
                            .append(item.path("output").asText());
                }
                if (outputs.length() > 0) return outputs.append('.').toString();
                return said.isEmpty() ? "Hello! How can I help you today?" : "You said: " + said;
        }
    }

    /** The whole response: what {@code create} answers and {@code response.completed} carries. */
    static ObjectNode response(JsonNode request, String model, Answer answer, Ids ids) {
        ObjectNode r = snapshot(request, model, ids, answer.status());
        ArrayNode output = r.putArray("output");
        answer.items().forEach(output::add);
        if (answer.incompleteReason() != null) r.putObject("incomplete_details").put("reason", answer.incompleteReason());
        ObjectNode usage = r.putObject("usage");
        usage.put("input_tokens", answer.inputTokens());
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", answer.outputTokens());
        usage.putObject("output_tokens_details").put("cached_tokens", 0)
                .put("reasoning_tokens", answer.reasoningTokens());
        usage.put("total_tokens", answer.inputTokens() + answer.outputTokens());
        return r;
    }

    /**
     * The stream: {@code response.created} and {@code in_progress}, each item added, grown (content parts and
     * text deltas a token each, reasoning text, function-call and MCP-call arguments, MCP progress) and done, then
     * {@code response.completed} (or {@code incomplete}). Every event has its {@code sequence_number}.
     */
    static List<ObjectNode> events(JsonNode request, String model, Answer answer, Ids ids) {
        Events events = new Events();
        ObjectNode start = snapshot(request, model, ids, "in_progress");
        start.putArray("output");
        events.add("response.created").set("response", start);
        events.add("response.in_progress").set("response", start.deepCopy());
        for (int i = 0; i < answer.items().size(); i++) item(events, i, answer.items().get(i));
        ObjectNode end = response(request, model, answer, ids);
        events.add(answer.incompleteReason() == null ? "response.completed" : "response.incomplete")
                .set("response", end);
        return events.list;
    }

    private static void item(Events events, int index, ObjectNode item) {
        String type = item.get("type").asText();
        String id = item.get("id").asText();
        ObjectNode begun = item.deepCopy();
        switch (type) {
            case "message":
                begun.put("status", "in_progress").putArray("content");
                break;
            case "reasoning":
                begun.putArray("content");
                break;
            case "function_call":
            case "mcp_call":
                begun.put("arguments", "").put("status", "in_progress");
                if (type.equals("mcp_call")) begun.putNull("output");
                break;
            case "mcp_list_tools":
                begun.putArray("tools");
                break;
            default:
                break;
        }
        events.add("response.output_item.added").put("output_index", index).set("item", begun);
        switch (type) {
            case "message":
                textPart(events, index, id, item.get("content").get(0), "output_text");
                break;
            case "reasoning":
                textPart(events, index, id, item.get("content").get(0), "reasoning_text");
                break;
            case "function_call":
                arguments(events, index, id, "response.function_call_arguments", item).put("name",
                        item.get("name").asText());
                break;
            case "mcp_list_tools":
                events.add("response.mcp_list_tools.in_progress").put("item_id", id).put("output_index", index);
                events.add("response.mcp_list_tools.completed").put("item_id", id).put("output_index", index);
                break;
            case "mcp_call":
                events.add("response.mcp_call.in_progress").put("item_id", id).put("output_index", index);
                arguments(events, index, id, "response.mcp_call_arguments", item);
                events.add("response.mcp_call.completed").put("item_id", id).put("output_index", index);
                break;
            default:
                break;
        }
        events.add("response.output_item.done").put("output_index", index).set("item", item);
    }

    /** A text part: added empty, one delta per token, the text done, the part done. */
    private static void textPart(Events events, int index, String id, JsonNode part, String kind) {
        String text = part.get("text").asText();
        String prefix = kind.equals("output_text") ? "response.output_text" : "response.reasoning_text";
        ObjectNode empty = ((ObjectNode) part.deepCopy()).put("text", "");
        events.add("response.content_part.added").put("item_id", id).put("output_index", index)
                .put("content_index", 0).set("part", empty);
        for (String token : FakeChatModel.tokens(text)) {
            ObjectNode delta = events.add(prefix + ".delta").put("item_id", id).put("output_index", index)
                    .put("content_index", 0).put("delta", token);
            if (kind.equals("output_text")) delta.putArray("logprobs");
        }
        ObjectNode done = events.add(prefix + ".done").put("item_id", id).put("output_index", index)
                .put("content_index", 0).put("text", text);
        if (kind.equals("output_text")) done.putArray("logprobs");
        events.add("response.content_part.done").put("item_id", id).put("output_index", index)
                .put("content_index", 0).set("part", part);
    }

    private static ObjectNode arguments(Events events, int index, String id, String prefix, JsonNode item) {
        String arguments = item.get("arguments").asText();
        events.add(prefix + ".delta").put("item_id", id).put("output_index", index).put("delta", arguments);
        return events.add(prefix + ".done").put("item_id", id).put("output_index", index)
                .put("arguments", arguments);
    }

    /** The events of one stream, numbered as they are added. */
    private static final class Events {
        final List<ObjectNode> list = new ArrayList<>();

        ObjectNode add(String type) {
            ObjectNode event = NODES.objectNode().put("type", type).put("sequence_number", list.size());
            list.add(event);
            return event;
        }
    }

    /** The fields every state of the response carries, echoing the request's settings. */
    private static ObjectNode snapshot(JsonNode request, String model, Ids ids, String status) {
        ObjectNode r = NODES.objectNode();
        r.put("id", ids.of("resp_", 63));
        r.put("object", "response");
        r.put("status", status);
        r.put("created_at", ids.createdAt());
        r.putNull("previous_response_id");
        r.put("model", model);
        ObjectNode reasoning = r.putObject("reasoning");
        copyOrNull(request.path("reasoning"), "effort", reasoning);
        copyOrNull(request.path("reasoning"), "summary", reasoning);
        copyOrNull(request, "max_output_tokens", r);
        copyOrNull(request, "instructions", r);
        JsonNode format = request.path("text").path("format");
        r.putObject("text").set("format", format.isObject() ? format : NODES.objectNode().put("type", "text"));
        r.set("tools", request.path("tools").isArray() ? request.get("tools") : NODES.arrayNode());
        r.set("tool_choice", request.hasNonNull("tool_choice") ? request.get("tool_choice") : NODES.textNode("auto"));
        r.put("truncation", request.path("truncation").asText("disabled"));
        r.set("metadata", request.path("metadata").isObject() ? request.get("metadata") : NODES.objectNode());
        r.put("temperature", request.path("temperature").asDouble(1));
        r.put("top_p", request.path("top_p").asDouble(1));
        copyOrNull(request, "user", r);
        r.put("service_tier", request.path("service_tier").asText("default"));
        r.putNull("error");
        r.putNull("incomplete_details");
        r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        r.put("store", false);
        return r;
    }

    private static void copyOrNull(JsonNode from, String field, ObjectNode to) {
        JsonNode value = from.get(field);
        if (value == null || value.isNull()) to.putNull(field);
        else to.set(field, value);
    }

    private static ObjectNode item(String type, String id) {
        return NODES.objectNode().put("type", type).put("id", id);
    }

    private static ObjectNode message(String id, String text, String status) {
        ObjectNode message = item("message", id).put("status", status).put("role", "assistant");
        ObjectNode part = message.putArray("content").addObject().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return message;
    }

    private static String lastType(JsonNode input) {
        return input.isArray() && input.size() > 0 ? input.get(input.size() - 1).path("type").asText("") : "";
    }

    /** The text of the last user message: the input when it is a string, else its text parts joined. */
    private static String said(JsonNode input) {
        if (input.isTextual()) return input.asText().trim();
        String said = "";
        for (JsonNode item : input) {
            if (item.path("role").asText().equals("user")) said = content(item.get("content"));
        }
        return said.trim();
    }

    private static String content(JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("input_text")) {
                sb.append(sb.length() == 0 ? "" : " ").append(part.path("text").asText());
            }
        }
        return sb.toString();
    }

    /** Every text of the input that counts as prompt: message contents and function outputs. */
    private static List<String> texts(JsonNode input) {
        if (input.isTextual()) return List.of(input.asText());
        List<String> texts = new ArrayList<>();
        for (JsonNode item : input) {
            if (item.has("content")) texts.add(content(item.get("content")));
            if (item.has("output")) texts.add(item.get("output").asText());
        }
        return texts;
    }
}
