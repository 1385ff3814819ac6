package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.groqj.JsonValue;

import java.util.Map;

/**
 * A piece of a tool call in a stream. Pieces with the same {@link #index()} make one call: the first usually
 * carries {@code id}, {@code type} and the function name, later ones more of the arguments.
 * {@link ChatCompletionAccumulator} joins them.
 *
 * <pre>{@code
 * for (ToolCallDelta d : chunk.choices().get(0).delta().toolCalls()) {
 *     arguments[d.index()].append(d.function().arguments());
 * }
 * }</pre>
 */
public record ToolCallDelta(
        int index,
        String id,
        String type,
        ToolCall.Function function,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ToolCallDelta {
        additionalProperties = Values.unknown(additionalProperties);
    }
}
