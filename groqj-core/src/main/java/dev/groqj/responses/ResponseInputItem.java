package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a request's input: a message (text, or text and image parts), a function call the model made and
 * its output, an answer to an MCP approval request, or any output item of an earlier response. Groq keeps no
 * conversation state, so a conversation is sent whole each time.
 *
 * <pre>{@code
 * Response first = client.responses().create(request);
 * List<ResponseInputItem> input = new ArrayList<>(List.of(ResponseInputItem.user("Weather in Paris?")));
 * for (ResponseOutputItem.FunctionCall call : first.functionCalls()) {
 *     input.add(ResponseInputItem.of(call));
 *     input.add(ResponseInputItem.functionCallOutput(call.callId(), "{\"celsius\":21}"));
 * }
 * Response second = client.responses().create(request.toBuilder().input(input).build());
 * }</pre>
 */
public final class ResponseInputItem extends WireValue {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    ResponseInputItem(JsonValue wire) {
        super(wire);
    }

    public static ResponseInputItem user(String text) {
        return message("user", text);
    }

    /** A user message of parts: text and images. */
    public static ResponseInputItem user(List<InputContent> content) {
        return message("user", content);
    }

    public static ResponseInputItem system(String text) {
        return message("system", text);
    }

    public static ResponseInputItem developer(String text) {
        return message("developer", text);
    }

    /** An earlier answer of the model, as text. */
    public static ResponseInputItem assistant(String text) {
        return message("assistant", text);
    }

    /** A message: {@code role} is {@code user}, {@code assistant}, {@code system} or {@code developer}. */
    public static ResponseInputItem message(String role, String text) {
        Objects.requireNonNull(text, "text == null");
        return messageOf(role, text);
    }

    /** A message of content parts. */
    public static ResponseInputItem message(String role, List<InputContent> content) {
        Objects.requireNonNull(content, "content == null");
        if (content.isEmpty()) throw new ValidationException("input.content", "at least one content part is required");
        List<JsonValue> parts = new ArrayList<>(content.size());
        for (InputContent part : content) parts.add(Objects.requireNonNull(part, "content contains null").toJson());
        return messageOf(role, parts);
    }

    private static ResponseInputItem messageOf(String role, Object content) {
        Objects.requireNonNull(role, "role == null");
        if (!List.of("user", "assistant", "system", "developer").contains(role)) {
            throw new ValidationException("input.role", "must be user, assistant, system or developer, got " + role);
        }
        // the easy form, without "type": Groq refuses the typed form for the assistant role
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("role", role);
        wire.put("content", content);
        return new ResponseInputItem(JsonValue.of(wire));
    }

    /** A function call the model made, sent back so it sees its own call beside the output. */
    public static ResponseInputItem functionCall(String callId, String name, String arguments) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "function_call");
        wire.put("call_id", requireCallId(callId));
        wire.put("name", ResponseTool.requireName("input.name", name));
        wire.put("arguments", Objects.requireNonNull(arguments, "arguments == null"));
        return new ResponseInputItem(JsonValue.of(wire));
    }

    /** What your function returned for the call {@code callId}: usually JSON text, any text is accepted. */
    public static ResponseInputItem functionCallOutput(String callId, String output) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "function_call_output");
        wire.put("call_id", requireCallId(callId));
        wire.put("output", Objects.requireNonNull(output, "output == null"));
        return new ResponseInputItem(JsonValue.of(wire));
    }

    /** Your answer to an {@code mcp_approval_request}: whether Groq may call the tool; {@code reason} may be null. */
    public static ResponseInputItem mcpApprovalResponse(String approvalRequestId, boolean approve, String reason) {
        if (approvalRequestId == null || approvalRequestId.isBlank()) {
            throw new ValidationException("input.approval_request_id", "is required");
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "mcp_approval_response");
        wire.put("approval_request_id", approvalRequestId);
        wire.put("approve", approve);
        if (reason != null) wire.put("reason", reason);
        return new ResponseInputItem(JsonValue.of(wire));
    }

    /** An item by its id ({@code item_reference}). */
    public static ResponseInputItem itemReference(String id) {
        if (id == null || id.isBlank()) throw new ValidationException("input.id", "is required");
        return new ResponseInputItem(JsonValue.of(Map.of("type", "item_reference", "id", id)));
    }

    /**
     * An output item of an earlier response, sent back: a message as an assistant message of its text (the form
     * Groq's spec accepts for the assistant role), any other item (a function call, an MCP call...) as it came.
     */
    public static ResponseInputItem of(ResponseOutputItem item) {
        Objects.requireNonNull(item, "item == null");
        if (item instanceof ResponseOutputItem.Message message) return assistant(message.text());
        return new ResponseInputItem(JsonValues.valueOf(item));
    }

    /** An item of a kind this class has no factory for, sent as given; it must be a JSON object. */
    public static ResponseInputItem of(JsonValue json) {
        Objects.requireNonNull(json, "json == null");
        if (!json.isObject()) throw new ValidationException("input", "an input item is a JSON object");
        return new ResponseInputItem(json);
    }

    /** The item's {@code type}; null for a message, which is sent without one. */
    @Override
    public String type() {
        return super.type();
    }

    /** The role of a message, else null. */
    public String role() {
        return string("role");
    }

    /** The call id of a function call or its output, else null. */
    public String callId() {
        return string("call_id");
    }

    private static String requireCallId(String callId) {
        if (callId == null || callId.isBlank()) throw new ValidationException("input.call_id", "is required");
        return callId;
    }

    @Override
    public String toString() {
        // message text and function outputs can be long and private: the shape only
        String role = role();
        return "ResponseInputItem{type=" + type() + (role == null ? "" : ", role=" + role)
                + (callId() == null ? "" : ", call_id=" + callId()) + '}';
    }
}
