package dev.groqj.responses;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.groqj.JsonValue;
import dev.groqj.internal.JsonValues;

import java.io.IOException;
import java.util.Map;
import java.util.function.BiFunction;

/** How the sealed families of the Responses types are read: each member by its {@code type}. */
final class Wire {
    private Wire() {
    }

    /**
     * Reads one member of a sealed family: the record its {@code type} names, or the family's {@code Unknown} made
     * from the type and the whole JSON, so a type Groq adds later still parses and keeps what it said.
     */
    abstract static class ByType<T> extends StdDeserializer<T> {
        private final Map<String, Class<? extends T>> types;
        private final BiFunction<String, JsonValue, ? extends T> unknown;

        ByType(Class<T> family, Map<String, Class<? extends T>> types,
               BiFunction<String, JsonValue, ? extends T> unknown) {
            super(family);
            this.types = types;
            this.unknown = unknown;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            String type = node.path("type").asText("");
            Class<? extends T> known = types.get(type);
            if (known == null || !node.isObject()) return unknown.apply(type, JsonValues.fromNode(node));
            return context.readTreeAsValue(node, known);
        }
    }

    /** Reads an output item as the record its {@code type} names. */
    static final class OutputItems extends ByType<ResponseOutputItem> {
        OutputItems() {
            super(ResponseOutputItem.class, Map.of(
                    "message", ResponseOutputItem.Message.class,
                    "reasoning", ResponseOutputItem.Reasoning.class,
                    "function_call", ResponseOutputItem.FunctionCall.class,
                    "mcp_list_tools", ResponseOutputItem.McpListTools.class,
                    "mcp_call", ResponseOutputItem.McpCall.class,
                    "mcp_approval_request", ResponseOutputItem.McpApprovalRequest.class,
                    // browser_search runs appear as OpenAI's web_search_call; the other name is read alike
                    "web_search_call", ResponseOutputItem.BrowserSearchCall.class,
                    "browser_search_call", ResponseOutputItem.BrowserSearchCall.class,
                    "code_interpreter_call", ResponseOutputItem.CodeInterpreterCall.class),
                    ResponseOutputItem.Unknown::new);
        }
    }

    /** Reads a stream event as the record its {@code type} names. */
    static final class Events extends ByType<ResponseEvent> {
        Events() {
            super(ResponseEvent.class, Map.ofEntries(
                    Map.entry("response.created", ResponseEvent.Created.class),
                    Map.entry("response.in_progress", ResponseEvent.InProgress.class),
                    Map.entry("response.completed", ResponseEvent.Completed.class),
                    Map.entry("response.failed", ResponseEvent.Failed.class),
                    Map.entry("response.incomplete", ResponseEvent.Incomplete.class),
                    Map.entry("response.output_item.added", ResponseEvent.OutputItemAdded.class),
                    Map.entry("response.output_item.done", ResponseEvent.OutputItemDone.class),
                    Map.entry("response.content_part.added", ResponseEvent.ContentPartAdded.class),
                    Map.entry("response.content_part.done", ResponseEvent.ContentPartDone.class),
                    Map.entry("response.output_text.delta", ResponseEvent.OutputTextDelta.class),
                    Map.entry("response.output_text.done", ResponseEvent.OutputTextDone.class),
                    Map.entry("response.function_call_arguments.delta", ResponseEvent.FunctionCallArgumentsDelta.class),
                    Map.entry("response.function_call_arguments.done", ResponseEvent.FunctionCallArgumentsDone.class),
                    Map.entry("response.reasoning_text.delta", ResponseEvent.ReasoningTextDelta.class),
                    Map.entry("response.reasoning_text.done", ResponseEvent.ReasoningTextDone.class),
                    Map.entry("response.reasoning_summary_text.delta", ResponseEvent.ReasoningSummaryTextDelta.class),
                    Map.entry("response.reasoning_summary_text.done", ResponseEvent.ReasoningSummaryTextDone.class),
                    Map.entry("response.mcp_list_tools.in_progress", ResponseEvent.McpListToolsProgress.class),
                    Map.entry("response.mcp_list_tools.completed", ResponseEvent.McpListToolsProgress.class),
                    Map.entry("response.mcp_list_tools.failed", ResponseEvent.McpListToolsProgress.class),
                    Map.entry("response.mcp_call.in_progress", ResponseEvent.McpCallProgress.class),
                    Map.entry("response.mcp_call.completed", ResponseEvent.McpCallProgress.class),
                    Map.entry("response.mcp_call.failed", ResponseEvent.McpCallProgress.class),
                    Map.entry("response.mcp_call_arguments.delta", ResponseEvent.McpCallArgumentsDelta.class),
                    Map.entry("response.mcp_call_arguments.done", ResponseEvent.McpCallArgumentsDone.class)),
                    ResponseEvent.Unknown::new);
        }
    }
}
