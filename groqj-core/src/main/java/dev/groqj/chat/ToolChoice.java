package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.internal.Json;

import java.util.Objects;

/**
 * Whether and which tool the model must call ({@code tool_choice}).
 *
 * <pre>{@code
 * builder.toolChoice(ToolChoice.REQUIRED);
 * builder.toolChoice(ToolChoice.function("get_weather"));   // must call exactly this one
 * }</pre>
 */
public final class ToolChoice {
    /** Never call a tool; answer with a message. The default when no tools are given. */
    public static final ToolChoice NONE = new ToolChoice("none", null);
    /** Answer or call tools, as the model sees fit. The default when tools are given. */
    public static final ToolChoice AUTO = new ToolChoice("auto", null);
    /** Call one or more tools. */
    public static final ToolChoice REQUIRED = new ToolChoice("required", null);

    private final String mode;
    private final String functionName;

    private ToolChoice(String mode, String functionName) {
        this.mode = mode;
        this.functionName = functionName;
    }

    /** Call the function named {@code name}. */
    public static ToolChoice function(String name) {
        Objects.requireNonNull(name, "name == null");
        return new ToolChoice(null, name);
    }

    /** The forced function's name, or null for none/auto/required. */
    public String functionName() {
        return functionName;
    }

    @JsonValue
    Object wire() {
        if (mode != null) return mode;
        ObjectNode named = Json.MAPPER.createObjectNode().put("type", "function");
        named.putObject("function").put("name", functionName);
        return named;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolChoice && Objects.equals(mode, ((ToolChoice) o).mode)
                && Objects.equals(functionName, ((ToolChoice) o).functionName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, functionName);
    }

    @Override
    public String toString() {
        return mode != null ? mode : "function:" + functionName;
    }
}
