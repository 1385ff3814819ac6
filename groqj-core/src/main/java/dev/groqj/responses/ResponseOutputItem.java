package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a {@link Response}'s output: a message, reasoning, a function call for you to run, or a tool Groq
 * ran on the server (remote MCP, browser search, code interpreter). A type groqj does not know yet arrives as
 * {@link Unknown}, with its JSON.
 *
 * <pre>{@code
 * for (ResponseOutputItem item : response.output()) {
 *     if (item instanceof ResponseOutputItem.FunctionCall call) run(call.name(), call.arguments());
 *     else if (item instanceof ResponseOutputItem.McpCall mcp) log(mcp.serverLabel() + ": " + mcp.output());
 * }
 * }</pre>
 *
 * <p>Fields are the API's; those a type does not know are kept in its {@code additionalProperties()}. Every item
 * can go back into the next request's input with {@link ResponseInputItem#of(ResponseOutputItem)}.
 */
@JsonDeserialize(using = Wire.OutputItems.class)
public sealed interface ResponseOutputItem {
    /** The wire type: {@code message}, {@code reasoning}, {@code function_call}, {@code mcp_call}, ... */
    String type();

    /** The item's id; null on the few items that have none. */
    String id();

    /** A message from the model: its text in {@code output_text} parts. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Message(
            String type,
            String id,
            String status,
            String role,
            List<OutputContent> content,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public Message {
            content = UnknownFields.list(content);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }

        /** The text of its {@code output_text} parts, joined. */
        @JsonIgnore
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (OutputContent part : content) {
                if (OutputContent.OUTPUT_TEXT.equals(part.type()) && part.text() != null) sb.append(part.text());
            }
            return sb.toString();
        }
    }

    /**
     * One part of a message: {@code output_text} with its {@code annotations} (citations), or another type
     * (such as {@code refusal}) with its fields in {@code additionalProperties()}.
     */
    record OutputContent(
            String type,
            String text,
            List<Annotation> annotations,
            JsonValue logprobs,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public static final String OUTPUT_TEXT = "output_text";

        public OutputContent {
            annotations = UnknownFields.list(annotations);
            logprobs = UnknownFields.present(logprobs);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /**
     * A citation in an output text: {@code url_citation} ({@code url}, {@code title}, the cited span
     * {@code [startIndex, endIndex)}) or {@code file_citation} ({@code fileId}, {@code index}); absent fields are
     * null.
     */
    record Annotation(
            String type,
            String url,
            String title,
            @JsonProperty("start_index") Integer startIndex,
            @JsonProperty("end_index") Integer endIndex,
            @JsonProperty("file_id") String fileId,
            Integer index,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Annotation {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** The model's reasoning: its text in {@code content} ({@code reasoning_text} parts) and any {@code summary}. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Reasoning(
            String type,
            String id,
            String status,
            List<ReasoningText> summary,
            List<ReasoningText> content,
            @JsonProperty("encrypted_content") String encryptedContent,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public Reasoning {
            summary = UnknownFields.list(summary);
            content = UnknownFields.list(content);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }

        /** The reasoning text of its content parts, joined. */
        @JsonIgnore
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (ReasoningText part : content) if (part.text() != null) sb.append(part.text());
            return sb.toString();
        }
    }

    /** A piece of reasoning: {@code reasoning_text} in content, {@code summary_text} in a summary. */
    record ReasoningText(
            String type,
            String text,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public ReasoningText {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /**
     * A call of one of your function tools: run it, then answer with
     * {@code ResponseInputItem.functionCallOutput(call.callId(), result)} in the next request's input (after
     * {@code ResponseInputItem.of(call)}, so the model sees its own call).
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record FunctionCall(
            String type,
            String id,
            @JsonProperty("call_id") String callId,
            String name,
            /* the arguments as a JSON string, as the model wrote them */
            String arguments,
            String status,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public FunctionCall {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }

        /**
         * The arguments parsed as JSON.
         *
         * @throws dev.groqj.error.ValidationException when the model wrote arguments that are not JSON
         */
        public JsonValue argumentsJson() {
            return JsonValue.parse(arguments == null || arguments.isBlank() ? "{}" : arguments);
        }
    }

    /** The tools a remote MCP server offered ({@code mcp_list_tools}); {@code error} when listing failed. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpListTools(
            String type,
            String id,
            @JsonProperty("server_label") String serverLabel,
            List<McpToolInfo> tools,
            String error,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public McpListTools {
            tools = UnknownFields.list(tools);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** One tool of an MCP server: its name, description and JSON Schema of its input. */
    record McpToolInfo(
            String name,
            String description,
            @JsonProperty("input_schema") JsonValue inputSchema,
            JsonValue annotations,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public McpToolInfo {
            inputSchema = UnknownFields.present(inputSchema);
            annotations = UnknownFields.present(annotations);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** A call Groq made to a remote MCP server's tool, with its {@code output} or {@code error}. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpCall(
            String type,
            String id,
            @JsonProperty("server_label") String serverLabel,
            String name,
            String arguments,
            String output,
            String error,
            String status,
            @JsonProperty("approval_request_id") String approvalRequestId,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public McpCall {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /**
     * Groq asks before calling an MCP tool ({@code require_approval}): answer in the next request with
     * {@code ResponseInputItem.mcpApprovalResponse(request.id(), true, null)}.
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record McpApprovalRequest(
            String type,
            String id,
            @JsonProperty("server_label") String serverLabel,
            String name,
            String arguments,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public McpApprovalRequest {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /**
     * A browser search Groq ran ({@code browser_search} tool): {@code action} says what it did ({@code search}
     * with a {@code query}, {@code open_page} with a {@code url}, {@code find} with a {@code pattern}).
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record BrowserSearchCall(
            String type,
            String id,
            String status,
            JsonValue action,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public BrowserSearchCall {
            action = UnknownFields.present(action);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** Code Groq ran ({@code code_interpreter} tool) and what it printed or drew. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record CodeInterpreterCall(
            String type,
            String id,
            String status,
            String code,
            @JsonProperty("container_id") String containerId,
            List<CodeOutput> outputs,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) implements ResponseOutputItem {
        public CodeInterpreterCall {
            outputs = UnknownFields.list(outputs);
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** One output of a code run: {@code logs} (printed text) or {@code image} (a {@code url}). */
    record CodeOutput(
            String type,
            String logs,
            String url,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public CodeOutput {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** An item of a type groqj does not know: its wire type and the whole item as JSON. */
    record Unknown(String type, @com.fasterxml.jackson.annotation.JsonValue JsonValue json)
            implements ResponseOutputItem {
        public Unknown {
            Objects.requireNonNull(json, "json == null");
        }

        @Override
        public String id() {
            JsonValue id = json.get("id");
            return id.isString() ? id.asString() : null;
        }
    }
}
