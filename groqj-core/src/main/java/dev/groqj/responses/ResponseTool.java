package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.JsonValue;
import dev.groqj.chat.FunctionTool;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool a response may use: a function you run, one of Groq's built-in tools ({@code browser_search},
 * {@code code_interpreter}), or a remote MCP server whose tools Groq calls for you.
 *
 * <pre>{@code
 * ResponseTool weather = ResponseTool.function("get_weather", "Current weather in a city", Map.of(
 *         "type", "object",
 *         "properties", Map.of("city", Map.of("type", "string")),
 *         "required", List.of("city")));
 * ResponseTool search = ResponseTool.browserSearch();
 * ResponseTool docs = ResponseTool.mcp("huggingface", "https://huggingface.co/mcp")
 *         .allowedTools(List.of("model_search"))
 *         .requireApproval(ResponseTool.Approval.NEVER)
 *         .build();
 * }</pre>
 */
public final class ResponseTool extends WireValue {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Whether Groq asks you before it calls an MCP server's tool ({@code require_approval}). */
    public enum Approval {
        /** Every call comes back as an {@code mcp_approval_request} output item first. */
        ALWAYS,
        /** Groq calls the tools without asking. */
        NEVER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    ResponseTool(JsonValue wire) {
        super(wire);
    }

    /**
     * A function tool. {@code parametersJsonSchema} is a JSON Schema object: a {@link JsonValue}, a Map (of Maps,
     * Lists, strings, numbers), or a bean groqj writes as JSON; null for a function without parameters.
     * {@code description} may be null.
     */
    public static ResponseTool function(String name, String description, Object parametersJsonSchema) {
        return function(name, description, parametersJsonSchema, null);
    }

    /** As {@link #function(String, String, Object)}; with {@code strict} the arguments follow the schema exactly. */
    public static ResponseTool function(String name, String description, Object parametersJsonSchema,
                                        Boolean strict) {
        requireName("tools.name", name);
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "function");
        wire.put("name", name);
        if (description != null) wire.put("description", description);
        if (parametersJsonSchema != null) {
            JsonValue parameters = JsonValues.valueOf(parametersJsonSchema);
            if (!parameters.isObject()) throw new ValidationException("tools.parameters", "must be a JSON Schema object");
            wire.put("parameters", parameters);
        }
        if (strict != null) wire.put("strict", strict);
        return new ResponseTool(JsonValue.of(wire));
    }

    /**
     * The Responses form of a {@link FunctionTool}: its name, description, parameters' schema and {@code strict}.
     * {@code client.responses().runTools} declares its tools this way itself.
     */
    public static ResponseTool function(FunctionTool<?> tool) {
        Objects.requireNonNull(tool, "tool == null");
        return function(tool.name(), tool.description(), tool.parameters(), tool.tool().function().strict());
    }

    /** Groq's built-in browser search (gpt-oss models): its runs come back as browser-search output items. */
    public static ResponseTool browserSearch() {
        return new ResponseTool(JsonValue.of(Map.of("type", "browser_search")));
    }

    /** Groq's built-in code execution, in a container Groq picks ({@code "container": {"type": "auto"}}). */
    public static ResponseTool codeInterpreter() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "code_interpreter");
        wire.put("container", Map.of("type", "auto"));
        return new ResponseTool(JsonValue.of(wire));
    }

    /** A remote MCP server: Groq lists its tools and calls them while it answers. */
    public static McpBuilder mcp(String serverLabel, String serverUrl) {
        return new McpBuilder(serverLabel, serverUrl);
    }

    /** A tool of a type this class has no factory for, sent as given; it must have a {@code type}. */
    public static ResponseTool of(JsonValue json) {
        Objects.requireNonNull(json, "json == null");
        if (!json.isObject() || !json.get("type").isString()) {
            throw new ValidationException("tools", "a tool is a JSON object with a type");
        }
        return new ResponseTool(json);
    }

    /** The function's name, or an MCP server's label; null for the built-ins. */
    public String name() {
        String name = string("name");
        return name != null ? name : string("server_label");
    }

    static String requireName(String param, String name) {
        Objects.requireNonNull(name, "name == null");
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException(param, "'" + name + "' must be 1 to 64 of a-z, A-Z, 0-9, '_' and '-'");
        }
        return name;
    }

    @Override
    public String toString() {
        // an MCP tool's headers carry the server's credentials: keep them out of logs
        return "ResponseTool{type=" + type() + (name() == null ? "" : ", name=" + name()) + '}';
    }

    /** Builds a remote MCP tool; {@code server_label} and {@code server_url} are required. */
    public static final class McpBuilder {
        private final String serverLabel;
        private final String serverUrl;
        private String serverDescription;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private List<String> allowedTools;
        private Object requireApproval;

        private McpBuilder(String serverLabel, String serverUrl) {
            this.serverLabel = serverLabel;
            this.serverUrl = serverUrl;
        }

        /** What the server offers, to help the model pick its tools. */
        public McpBuilder serverDescription(String serverDescription) {
            this.serverDescription = serverDescription;
            return this;
        }

        /** A header Groq sends to the MCP server, such as its {@code Authorization}; kept out of {@code toString}. */
        public McpBuilder header(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            headers.put(name, value);
            return this;
        }

        /** Only these of the server's tools may be called; all when not set. */
        public McpBuilder allowedTools(List<String> toolNames) {
            this.allowedTools = toolNames == null ? null : List.copyOf(toolNames);
            return this;
        }

        public McpBuilder requireApproval(Approval approval) {
            this.requireApproval = approval == null ? null : approval.wire();
            return this;
        }

        /** Approval per tool: {@code always} for the tools named in one list, {@code never} for the other's. */
        public McpBuilder requireApproval(List<String> always, List<String> never) {
            Map<String, Object> rule = new LinkedHashMap<>();
            if (always != null && !always.isEmpty()) rule.put("always", Map.of("tool_names", List.copyOf(always)));
            if (never != null && !never.isEmpty()) rule.put("never", Map.of("tool_names", List.copyOf(never)));
            this.requireApproval = rule;
            return this;
        }

        /** Checks the label and URL; throws {@link ValidationException} naming the bad one. */
        public ResponseTool build() {
            if (serverLabel == null || serverLabel.isBlank()) {
                throw new ValidationException("tools.server_label", "is required");
            }
            if (serverUrl == null || !(serverUrl.startsWith("https://") || serverUrl.startsWith("http://"))) {
                throw new ValidationException("tools.server_url", "must be an http(s) URL, got " + serverUrl);
            }
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put("type", "mcp");
            wire.put("server_label", serverLabel);
            wire.put("server_url", serverUrl);
            if (serverDescription != null) wire.put("server_description", serverDescription);
            if (!headers.isEmpty()) wire.put("headers", headers);
            if (allowedTools != null) wire.put("allowed_tools", new ArrayList<>(allowedTools));
            if (requireApproval != null) wire.put("require_approval", requireApproval);
            return new ResponseTool(JsonValue.of(wire));
        }
    }
}
