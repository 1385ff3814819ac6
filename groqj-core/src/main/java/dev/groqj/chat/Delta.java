package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * What one stream chunk adds to a choice's message: a piece of content or reasoning, tool call pieces, or
 * tools the server ran.
 *
 * <pre>{@code
 * Delta delta = chunk.choices().get(0).delta();
 * if (delta.content() != null) System.out.print(delta.content());
 * }</pre>
 *
 * <p>{@link #channel()} is what gpt-oss models send beside reasoning pieces ({@code "analysis"}); null otherwise.
 */
public record Delta(
        String role,
        String content,
        String reasoning,
        String channel,
        @JsonProperty("tool_calls") List<ToolCallDelta> toolCalls,
        @JsonProperty("executed_tools") List<ExecutedTool> executedTools,
        List<Annotation> annotations,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Delta {
        toolCalls = Values.list(toolCalls);
        executedTools = Values.list(executedTools);
        annotations = Values.list(annotations);
        additionalProperties = Values.unknown(additionalProperties);
    }
}
