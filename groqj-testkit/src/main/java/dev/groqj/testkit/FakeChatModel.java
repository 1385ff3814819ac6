package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's built-in model: checks a chat request the way Groq does, then answers deterministically from it.
 *
 * <p>The answer is {@code "You said: <last user message>"}; a {@code json_schema} request gets an instance of its
 * schema; a request with function tools gets calls of those not yet called since the last user message (two at a
 * time, arguments valid for their schemas), then, once the results are in, {@code "The tools answered: ..."}. A token is a word with its leading whitespace, so
 * {@code prompt_tokens} is the number of words in all messages, {@code completion_tokens} the words of the
 * answer (plus its reasoning), and a stream sends one token per chunk. Timings follow from the counts.
 */
final class FakeChatModel {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");
    private static final String FINGERPRINT = "fp_fakegroq01";

    /** What the model decided to say, before it is shaped as a completion or a stream. */
    record Answer(List<String> reasoning, List<String> content, ArrayNode toolCalls, String finishReason,
                  long promptTokens) {
        long completionTokens() {
            return reasoning.size() + content.size();
        }
    }

    /** Identifiers of one response: the request id, the completion id, its creation second and seed. */
    record Ids(String requestId, String completionId, long created, long seed) {
    }

    private FakeChatModel() {
    }

    /** Rejects what Groq rejects, with Groq's 400 messages. */
    static void validate(JsonNode request) {
        if (!request.isObject()) throw GroqErrors.Failure.invalid(null, "request body must be a JSON object");
        if (!request.hasNonNull("model")) {
            throw GroqErrors.Failure.invalid("model", "'model' : property 'model' is missing");
        }
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray()) {
            throw GroqErrors.Failure.invalid("messages", "'messages' : property 'messages' is missing");
        }
        if (messages.isEmpty()) {
            throw GroqErrors.Failure.invalid("messages", "'messages' : minimum number of items is 1");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.hasNonNull("role")) {
                throw GroqErrors.Failure.invalid("messages." + i + ".role",
                        "'messages." + i + "' : property 'role' is missing");
            }
            if (message.has("name")) {
                throw GroqErrors.Failure.invalid("messages." + i + ".name", "'messages." + i + "' : for 'role:"
                        + message.get("role").asText() + "' the following must be satisfied[('messages." + i
                        + ".name' : property 'name' is unsupported)]");
            }
        }
        if (request.hasNonNull("logprobs") && request.get("logprobs").asBoolean()) {
            throw GroqErrors.Failure.invalid("logprobs", "`logprobs` is not supported with this model");
        }
        for (String unsupported : List.of("logit_bias", "top_logprobs")) {
            if (request.hasNonNull(unsupported)) {
                throw GroqErrors.Failure.invalid(unsupported, "`" + unsupported + "` is not supported with this model");
            }
        }
        if (request.hasNonNull("n") && request.get("n").asInt() != 1) {
            throw GroqErrors.Failure.invalid("n", "'n' : number must be at most 1");
        }
        String format = request.path("response_format").path("type").asText("text");
        if (!format.equals("text") && request.path("tools").size() > 0) {
            throw GroqErrors.Failure.invalid("response_format",
                    "json mode cannot be combined with tool/function calling");
        }
    }

    static Answer answer(JsonNode request, ModelCatalog.Entry model) {
        if (model.kind() != ModelCatalog.Kind.CHAT && model.kind() != ModelCatalog.Kind.REASONING) {
            throw GroqErrors.Failure.invalid("model",
                    "The model `" + model.id() + "` does not support chat completions");
        }
        JsonNode history = request.get("messages");
        for (int i = 0; i < history.size() && model.kind() != ModelCatalog.Kind.REASONING; i++) {
            if (history.get(i).hasNonNull("reasoning")) { // Groq takes it on reasoning models only
                throw GroqErrors.Failure.invalid("messages." + i + ".reasoning", "'messages." + i
                        + "' : for 'role:assistant' the following must be satisfied[('messages." + i
                        + ".reasoning' : property 'reasoning' is unsupported)]");
            }
        }
        String said = lastUserText(request.get("messages"));
        long promptTokens = 0;
        for (JsonNode message : request.get("messages")) promptTokens += tokens(text(message.get("content"))).size();
        promptTokens = Math.max(1, promptTokens);

        List<String> reasoning = reasoning(request, model, said);
        ArrayNode toolCalls = toolCalls(request, said);
        String content = toolCalls == null ? content(request, said) : null;
        String rawFormat = request.path("reasoning_format").asText("");
        if (content != null && !reasoning.isEmpty() && rawFormat.equals("raw")) {
            content = "<think>" + String.join("", reasoning) + "</think>" + content;
            reasoning = List.of();
        }
        List<String> contentTokens = content == null ? List.of() : tokens(content);
        String finish = toolCalls == null ? "stop" : "tool_calls";

        JsonNode max = request.hasNonNull("max_completion_tokens")
                ? request.get("max_completion_tokens") : request.get("max_tokens");
        if (max != null && max.asLong() < reasoning.size() + contentTokens.size()) {
            int budget = (int) Math.max(0, max.asLong());
            List<String> keptReasoning = reasoning.subList(0, Math.min(budget, reasoning.size()));
            int left = budget - keptReasoning.size();
            contentTokens = contentTokens.subList(0, Math.min(left, contentTokens.size()));
            return new Answer(List.copyOf(keptReasoning), List.copyOf(contentTokens), null, "length", promptTokens);
        }
        return new Answer(reasoning, contentTokens, toolCalls, finish, promptTokens);
    }

    static ObjectNode completion(Answer answer, String model, Ids ids) {
        ObjectNode root = header(ids, model, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (answer.toolCalls() == null) message.put("content", String.join("", answer.content()));
        else message.putNull("content");
        if (!answer.reasoning().isEmpty()) message.put("reasoning", String.join("", answer.reasoning()));
        if (answer.toolCalls() != null) message.set("tool_calls", answer.toolCalls());
        choice.putNull("logprobs");
        choice.put("finish_reason", answer.finishReason());
        root.set("usage", usage(answer));
        root.put("system_fingerprint", FINGERPRINT);
        ObjectNode xGroq = root.putObject("x_groq");
        xGroq.put("id", ids.requestId());
        xGroq.put("seed", ids.seed());
        root.put("service_tier", "on_demand");
        return root;
    }

    /** The stream's chunks: a role chunk, one chunk per token, the tool calls, then a final chunk with usage. */
    static List<ObjectNode> chunks(Answer answer, String model, Ids ids) {
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode first = chunk(ids, model, delta -> delta.put("role", "assistant").put("content", ""), null);
        ObjectNode firstGroq = first.putObject("x_groq");
        firstGroq.put("id", ids.requestId());
        firstGroq.put("seed", ids.seed());
        chunks.add(first);
        answer.reasoning().forEach(t -> chunks.add(chunk(ids, model, d -> d.put("reasoning", t), null)));
        answer.content().forEach(t -> chunks.add(chunk(ids, model, d -> d.put("content", t), null)));
        if (answer.toolCalls() != null) {
            ArrayNode calls = answer.toolCalls().deepCopy();
            for (int i = 0; i < calls.size(); i++) ((ObjectNode) calls.get(i)).put("index", i);
            chunks.add(chunk(ids, model, d -> d.set("tool_calls", calls), null));
        }
        ObjectNode last = chunk(ids, model, d -> { }, answer.finishReason());
        ObjectNode lastGroq = last.putObject("x_groq");
        lastGroq.put("id", ids.requestId());
        lastGroq.set("usage", usage(answer));
        last.set("usage", usage(answer));
        chunks.add(last);
        return chunks;
    }

    private static ObjectNode header(Ids ids, String model, String object) {
        ObjectNode root = NODES.objectNode();
        root.put("id", ids.completionId());
        root.put("object", object);
        root.put("created", ids.created());
        root.put("model", model);
        return root;
    }

    private static ObjectNode chunk(Ids ids, String model, java.util.function.Consumer<ObjectNode> delta,
                                    String finishReason) {
        ObjectNode root = header(ids, model, "chat.completion.chunk");
        root.put("system_fingerprint", FINGERPRINT);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        if (finishReason == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finishReason);
        return root;
    }

    private static ObjectNode usage(Answer answer) {
        long completion = answer.completionTokens();
        double promptTime = answer.promptTokens() * 0.00002;
        double completionTime = completion * 0.004;
        ObjectNode usage = NODES.objectNode();
        usage.put("queue_time", 0.012345);
        usage.put("prompt_tokens", answer.promptTokens());
        usage.put("prompt_time", promptTime);
        usage.put("completion_tokens", completion);
        usage.put("completion_time", completionTime);
        usage.put("total_tokens", answer.promptTokens() + completion);
        usage.put("total_time", promptTime + completionTime);
        if (!answer.reasoning().isEmpty()) {
            usage.putObject("completion_tokens_details").put("reasoning_tokens", answer.reasoning().size());
        }
        return usage;
    }

    private static String content(JsonNode request, String said) {
        JsonNode format = request.path("response_format");
        switch (format.path("type").asText("text")) {
            case "json_object":
                return Json.writeString(NODES.objectNode().put("answer", "You said: " + said));
            case "json_schema":
                return Json.writeString(instance(format.path("json_schema").path("schema"), said, 0));
            default:
                String fromTools = fromToolResults(request.get("messages"));
                if (fromTools != null) return fromTools;
                return said.isEmpty() ? "Hello! How can I help you today?" : "You said: " + said;
        }
    }

    private static List<String> reasoning(JsonNode request, ModelCatalog.Entry model, String said) {
        String format = request.path("reasoning_format").asText("");
        if (model.kind() != ModelCatalog.Kind.REASONING) {
            if (!format.isEmpty()) {
                throw GroqErrors.Failure.invalid("reasoning_format",
                        "reasoning_format is not supported with this model");
            }
            return List.of();
        }
        boolean include = request.path("include_reasoning").asBoolean(true);
        if (!include || format.equals("hidden")) return List.of();
        return tokens("The user wrote \"" + said + "\". I will repeat it back.");
    }

    /** Tool calls: the one a request forces ({@code tool_choice} "required" or a named function), else as auto. */
    private static ArrayNode toolCalls(JsonNode request, String said) {
        JsonNode tools = request.path("tools");
        JsonNode choice = request.path("tool_choice");
        if (tools.isEmpty()) {
            if (choice.isObject() || choice.asText("").equals("required")) {
                throw GroqErrors.Failure.invalid("tool_choice", "tool_choice is set but no tools were given");
            }
            return null;
        }
        JsonNode tool;
        if (choice.isObject()) {
            String name = choice.path("function").path("name").asText();
            tool = null;
            for (JsonNode t : tools) if (t.path("function").path("name").asText().equals(name)) tool = t;
            if (tool == null) {
                throw GroqErrors.Failure.invalid("tool_choice",
                        "Tool choice is '" + name + "', but it is not in the list of tools");
            }
        } else if (choice.asText("").equals("required")) {
            tool = tools.get(0);
        } else if (choice.asText("auto").equals("auto")) {
            return autoCalls(request, said);
        } else {
            return null;
        }
        ArrayNode calls = NODES.arrayNode();
        addCall(calls, tool, said, toolMessagesSinceUser(request.get("messages")));
        return calls;
    }

    /**
     * With {@code tool_choice} auto: the function tools not yet called since the last user message, in the order
     * declared, two per answer (one when {@code parallel_tool_calls} is false); null once each was called, so the
     * model answers in words from the results.
     */
    private static ArrayNode autoCalls(JsonNode request, String said) {
        JsonNode messages = request.get("messages");
        List<String> called = new ArrayList<>();
        for (JsonNode m : sinceLastUser(messages)) {
            for (JsonNode call : m.path("tool_calls")) called.add(call.path("function").path("name").asText());
        }
        int perAnswer = request.path("parallel_tool_calls").asBoolean(true) ? 2 : 1;
        ArrayNode calls = NODES.arrayNode();
        int index = toolMessagesSinceUser(messages);
        for (JsonNode tool : request.path("tools")) {
            if (calls.size() == perAnswer) break;
            if (!tool.path("type").asText().equals("function")) continue;
            if (called.contains(tool.path("function").path("name").asText())) continue;
            addCall(calls, tool, said, index++);
        }
        return calls.isEmpty() ? null : calls;
    }

    private static void addCall(ArrayNode calls, JsonNode tool, String said, int index) {
        String name = tool.path("function").path("name").asText();
        JsonNode arguments = instance(tool.path("function").path("parameters"), said, 0);
        ObjectNode call = calls.addObject();
        call.put("id", "call_" + Integer.toHexString((name + said).hashCode() & 0x7fffffff)
                + (index == 0 ? "" : "_" + index));
        call.put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", name);
        function.put("arguments", Json.writeString(arguments.isObject() ? arguments : NODES.objectNode()));
    }

    private static List<JsonNode> sinceLastUser(JsonNode messages) {
        List<JsonNode> since = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.path("role").asText().equals("user")) since.clear();
            else since.add(m);
        }
        return since;
    }

    private static int toolMessagesSinceUser(JsonNode messages) {
        int count = 0;
        for (JsonNode m : sinceLastUser(messages)) if (m.path("role").asText().equals("tool")) count++;
        return count;
    }

    /** The answer once tools have answered: each result, in the order they came. */
    private static String fromToolResults(JsonNode messages) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : sinceLastUser(messages)) {
            if (!m.path("role").asText().equals("tool")) continue;
            sb.append(sb.length() == 0 ? "The tools answered: " : "; ").append(text(m.get("content")));
        }
        return sb.length() == 0 ? null : sb.append('.').toString();
    }

    /** A value that satisfies a JSON schema, as a best effort: first enum value, one array item, every property. */
    static JsonNode instance(JsonNode schema, String text, int depth) {
        if (depth > 8 || !schema.isObject()) return NODES.objectNode();
        if (schema.has("const")) return schema.get("const");
        if (schema.path("enum").size() > 0) return schema.get("enum").get(0);
        for (String alternatives : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.path(alternatives).size() > 0) return instance(schema.get(alternatives).get(0), text, depth + 1);
        }
        String type = schema.path("type").asText("");
        if (schema.path("type").isArray()) {
            for (JsonNode t : schema.get("type")) if (!t.asText().equals("null")) type = t.asText();
        }
        if (type.isEmpty()) type = schema.has("properties") ? "object" : "string";
        switch (type) {
            case "string": return NODES.textNode(text.isEmpty() ? "example" : text);
            case "integer": return NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number": return NODES.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
            case "boolean": return NODES.booleanNode(true);
            case "null": return NODES.nullNode();
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int count = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < count; i++) array.add(instance(schema.path("items"), text, depth + 1));
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), instance(field.getValue(), text, depth + 1));
                }
                return object;
            }
        }
    }

    /** The text of the last user message, its parts joined when it has several. */
    private static String lastUserText(JsonNode messages) {
        String said = "";
        for (JsonNode m : messages) if (m.path("role").asText().equals("user")) said = text(m.get("content"));
        return said.trim();
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) return "";
        if (content.isTextual()) return content.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("text")) sb.append(sb.length() == 0 ? "" : " ").append(part.path("text").asText());
        }
        return sb.toString();
    }

    /** Splits {@code s} into words with their leading whitespace, so that the tokens concatenate back to {@code s}. */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        int end = 0;
        while (m.find()) {
            tokens.add(m.group());
            end = m.end();
        }
        if (end < s.length() && !tokens.isEmpty()) {
            tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + s.substring(end));
        }
        return tokens;
    }
}
