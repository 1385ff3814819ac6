package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * The message the model wrote in one {@link Choice}.
 *
 * <pre>{@code
 * ResponseMessage message = completion.choices().get(0).message();
 * message.content();     // the answer, null when the model only called tools
 * message.reasoning();   // with reasoning_format=parsed on a reasoning model, else null
 * message.toolCalls();   // empty unless finish_reason is tool_calls
 * }</pre>
 *
 * <p>{@link Message#assistant(ResponseMessage)} turns it into a request message to continue the conversation.
 */
public record ResponseMessage(
        String role,
        String content,
        String reasoning,
        @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonProperty("executed_tools") List<ExecutedTool> executedTools,
        List<Annotation> annotations,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ResponseMessage {
        toolCalls = Values.list(toolCalls);
        executedTools = Values.list(executedTools);
        annotations = Values.list(annotations);
        additionalProperties = Values.unknown(additionalProperties);
    }
}
