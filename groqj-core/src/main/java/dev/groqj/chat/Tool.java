package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.Objects;

/**
 * A tool the model may call: a function you run, or one of Groq's built-in tools that run on the server.
 *
 * <pre>{@code
 * Tool weather = Tool.function("get_weather", "Current weather in a city", Map.of(
 *         "type", "object",
 *         "properties", Map.of("city", Map.of("type", "string")),
 *         "required", List.of("city")));
 * Tool search = Tool.builtIn(Tool.BROWSER_SEARCH);   // gpt-oss models
 * }</pre>
 */
public final class Tool {
    /** Groq's built-in web browsing tool type. */
    public static final String BROWSER_SEARCH = "browser_search";
    /** Groq's built-in code execution tool type. */
    public static final String CODE_INTERPRETER = "code_interpreter";

    @JsonProperty("type")
    private final String type;
    @JsonProperty("function")
    private final Function function;

    private Tool(String type, Function function) {
        this.type = type;
        this.function = function;
    }

    /**
     * A function tool. {@code parametersJsonSchema} is a JSON Schema object: a {@link JsonValue}, a Map (of Maps,
     * Lists, strings, numbers), or a bean groqj writes as JSON; null for a function without parameters.
     */
    public static Tool function(String name, String description, Object parametersJsonSchema) {
        Values.requireName("tools.function.name", name);
        JsonValue parameters = parametersJsonSchema == null ? null : JsonValues.valueOf(parametersJsonSchema);
        if (parameters != null && !parameters.isObject()) {
            throw new ValidationException("tools.function.parameters", "must be a JSON Schema object");
        }
        return new Tool("function", new Function(name, description, parameters, null));
    }

    /** A tool of another type, by its wire name: {@link #BROWSER_SEARCH}, {@link #CODE_INTERPRETER} or a newer one. */
    public static Tool builtIn(String type) {
        Objects.requireNonNull(type, "type == null");
        return new Tool(type, null);
    }

    /** A copy of this function tool whose arguments the model must write to follow the schema exactly. */
    public Tool withStrict(boolean strict) {
        if (function == null) throw new IllegalStateException("strict applies to function tools only");
        return new Tool(type, new Function(function.name(), function.description(), function.parameters(), strict));
    }

    /** {@code function}, {@code browser_search}, {@code code_interpreter}, ... */
    public String type() {
        return type;
    }

    /** The function of a function tool, else null. */
    public Function function() {
        return function;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tool && type.equals(((Tool) o).type) && Objects.equals(function, ((Tool) o).function);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, function);
    }

    @Override
    public String toString() {
        return "Tool{type=" + type + (function == null ? "" : ", function=" + function.name()) + '}';
    }

    /** A function's declaration: {@code parameters} is its JSON Schema, or null; {@code strict} is null unless set. */
    public record Function(String name, String description, JsonValue parameters, Boolean strict) {
    }
}
