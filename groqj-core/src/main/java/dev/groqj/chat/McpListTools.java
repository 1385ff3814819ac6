package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * The tools a connected MCP server offered, as a chat completion lists them ({@code mcp_list_tools}).
 *
 * <pre>{@code
 * for (McpListTools server : completion.mcpListTools()) {
 *     server.serverLabel();
 *     server.tools().forEach(t -> System.out.println(t.name() + ": " + t.description()));
 * }
 * }</pre>
 */
public record McpListTools(
        String id,
        String type,
        @JsonProperty("server_label") String serverLabel,
        List<McpTool> tools,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public McpListTools {
        tools = Values.list(tools);
        additionalProperties = Values.unknown(additionalProperties);
    }

    /**
     * One tool: its name, description, the JSON Schema of its input and the server's annotations (both free-form
     * JSON, as the MCP server wrote them; null when absent).
     */
    public record McpTool(
            String name,
            String description,
            @JsonProperty("input_schema") JsonValue inputSchema,
            JsonValue annotations,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public McpTool {
            inputSchema = Values.present(inputSchema);
            annotations = Values.present(annotations);
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
