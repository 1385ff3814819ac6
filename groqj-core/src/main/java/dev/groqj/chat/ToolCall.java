package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;

import java.util.Map;
import java.util.Objects;

/**
 * A tool call the model made: read from a response, and sent back in the assistant message that precedes the
 * tool's answer.
 *
 * <pre>{@code
 * ToolCall call = completion.choices().get(0).message().toolCalls().get(0);
 * String args = call.function().arguments();        // JSON text, as the model wrote it
 * Args parsed = call.arguments(Args.class);          // the same, as a record
 * request.toBuilder()
 *         .addMessage(Message.assistant(null, List.of(call)))
 *         .addMessage(Message.tool(call.id(), "{\"temp\": 21}"));
 * }</pre>
 */
public record ToolCall(
        String id,
        String type,
        Function function,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ToolCall {
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** A call of function {@code name} with {@code arguments} (JSON text), as the model would make it. */
    public static ToolCall function(String id, String name, String arguments) {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(arguments, "arguments == null");
        return new ToolCall(id, "function", new Function(name, arguments, null), null);
    }

    /**
     * The function's arguments parsed into {@code type} (a record or class, as the tool's {@link FunctionTool}
     * declared them).
     *
     * @throws dev.groqj.error.StructuredOutputException with the arguments text when they do not parse
     */
    public <A> A arguments(Class<A> type) {
        Objects.requireNonNull(type, "type == null");
        return StructuredOutputs.read(function == null ? null : function.arguments(), type);
    }

    /**
     * The function called: its name and its arguments as JSON text. The model does not always write valid JSON,
     * nor only the parameters the schema declares: check them before use. In a stream delta, either part may be
     * a fragment or null.
     */
    public record Function(
            String name,
            String arguments,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Function {
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
