package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which tool the model calls ({@code tool_choice}): none, its own choice, at least one, or a named function.
 *
 * <pre>{@code
 * builder.toolChoice(ResponseToolChoice.function("get_weather"));
 * }</pre>
 */
public final class ResponseToolChoice extends WireValue {
    private static final ResponseToolChoice NONE = new ResponseToolChoice(JsonValue.string("none"));
    private static final ResponseToolChoice AUTO = new ResponseToolChoice(JsonValue.string("auto"));
    private static final ResponseToolChoice REQUIRED = new ResponseToolChoice(JsonValue.string("required"));

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    ResponseToolChoice(JsonValue wire) {
        super(wire);
    }

    /** No tool: the model writes a message. The default without tools. */
    public static ResponseToolChoice none() {
        return NONE;
    }

    /** The model decides. The default with tools. */
    public static ResponseToolChoice auto() {
        return AUTO;
    }

    /** The model calls at least one tool. */
    public static ResponseToolChoice required() {
        return REQUIRED;
    }

    /** The model calls this function ({@code {"type": "function", "function": {"name": ...}}}, as Groq's spec says). */
    public static ResponseToolChoice function(String name) {
        ResponseTool.requireName("tool_choice.function.name", name);
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", "function");
        wire.put("function", Map.of("name", name));
        return new ResponseToolChoice(JsonValue.of(wire));
    }

    /** {@code none}, {@code auto}, {@code required}, or null for a named function. */
    public String mode() {
        return toJson().isString() ? toJson().asString() : null;
    }

    /** The named function, or null. */
    public String functionName() {
        JsonValue name = toJson().get("function").get("name");
        if (name.isString()) return name.asString();
        return toJson().isObject() ? string("name") : null;
    }
}
