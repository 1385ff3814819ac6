package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.Map;
import java.util.Objects;

/**
 * One event of a streamed response, typed by its {@code type}: the response's life ({@link Created} ...
 * {@link Completed}), its output items as they begin and end, text, reasoning and function-call arguments as
 * they grow, and what Groq does with remote MCP servers. An event type groqj does not know yet arrives as
 * {@link Unknown}, with its JSON.
 *
 * <pre>{@code
 * try (ResponseStream events = client.responses().stream(request)) {
 *     for (ResponseEvent event : events) {
 *         if (event instanceof ResponseEvent.OutputTextDelta d) System.out.print(d.delta());
 *     }
 * }
 * }</pre>
 *
 * <p>An {@code error} event, or {@code response.failed} (after it is delivered), ends the stream with a
 * {@link dev.groqj.error.StreamException} holding the text so far. Fields a type does not know are kept in its
 * {@code additionalProperties()}.
 */
@JsonDeserialize(using = Wire.Events.class)
public sealed interface ResponseEvent {
    /** The wire type, such as {@code response.output_text.delta}. */
    String type();

    /** The event's place in the stream, as Groq numbers them; 0 when Groq sent none. */
    long sequenceNumber();

    /** The response was created; {@code response} is its first state ({@code response.created}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Created(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            Response response,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public Created {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** The response is being generated ({@code response.in_progress}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record InProgress(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            Response response,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public InProgress {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** The response is complete: {@code response} is whole ({@code response.completed}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Completed(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            Response response,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public Completed {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** The response failed ({@code response.error()} says why); the stream then throws ({@code response.failed}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Failed(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            Response response,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public Failed {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** The response stopped early ({@code response.incompleteDetails()} says why) ({@code response.incomplete}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Incomplete(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            Response response,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public Incomplete {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** An output item begins; its content arrives in the events that follow ({@code response.output_item.added}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record OutputItemAdded(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("output_index") int outputIndex,
            ResponseOutputItem item,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public OutputItemAdded {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** An output item is complete ({@code response.output_item.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record OutputItemDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("output_index") int outputIndex,
            ResponseOutputItem item,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public OutputItemDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A content part of a message begins ({@code response.content_part.added}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ContentPartAdded(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("content_index") int contentIndex,
            ResponseOutputItem.OutputContent part,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public ContentPartAdded {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A content part of a message is complete ({@code response.content_part.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ContentPartDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("content_index") int contentIndex,
            ResponseOutputItem.OutputContent part,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public ContentPartDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** More text of a message ({@code response.output_text.delta}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record OutputTextDelta(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("content_index") int contentIndex,
            String delta,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public OutputTextDelta {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A text part is complete: {@code text} is all of it ({@code response.output_text.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record OutputTextDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("content_index") int contentIndex,
            String text,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public OutputTextDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** More of a function call's arguments ({@code response.function_call_arguments.delta}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record FunctionCallArgumentsDelta(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            String delta,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public FunctionCallArgumentsDelta {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A function call's arguments are complete ({@code response.function_call_arguments.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record FunctionCallArgumentsDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            String name,
            String arguments,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public FunctionCallArgumentsDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** More of the model's reasoning ({@code response.reasoning_text.delta}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ReasoningTextDelta(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("content_index") int contentIndex,
            String delta,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public ReasoningTextDelta {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A reasoning part is complete ({@code response.reasoning_text.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ReasoningTextDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("content_index") int contentIndex,
            String text,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public ReasoningTextDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** More of a reasoning summary ({@code response.reasoning_summary_text.delta}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ReasoningSummaryTextDelta(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("summary_index") int summaryIndex,
            String delta,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public ReasoningSummaryTextDelta {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A reasoning summary part is complete ({@code response.reasoning_summary_text.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record ReasoningSummaryTextDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonProperty("summary_index") int summaryIndex,
            String text,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public ReasoningSummaryTextDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** Groq lists a remote MCP server's tools: {@code response.mcp_list_tools.in_progress}, {@code .completed} or {@code .failed}. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpListToolsProgress(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public McpListToolsProgress {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** Groq calls a remote MCP tool: {@code response.mcp_call.in_progress}, {@code .completed} or {@code .failed}. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpCallProgress(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public McpCallProgress {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** More of an MCP call's arguments ({@code response.mcp_call_arguments.delta}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpCallArgumentsDelta(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            String delta,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public McpCallArgumentsDelta {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** An MCP call's arguments are complete ({@code response.mcp_call_arguments.done}). */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpCallArgumentsDone(
            String type,
            @JsonProperty("sequence_number") long sequenceNumber,
            @JsonProperty("item_id") String itemId,
            @JsonProperty("output_index") int outputIndex,
            String arguments,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseEvent {
        public McpCallArgumentsDone {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** An event of a type groqj does not know: its wire type and the whole event as JSON. */
    record Unknown(String type, @com.fasterxml.jackson.annotation.JsonValue JsonValue json) implements ResponseEvent {
        public Unknown {
            Objects.requireNonNull(json, "json == null");
        }

        @Override
        public long sequenceNumber() {
            JsonValue n = json.get("sequence_number");
            return n.isNumber() ? n.asLong() : 0;
        }
    }
}
