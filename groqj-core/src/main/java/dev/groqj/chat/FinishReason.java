package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.groqj.OpenValue;

import java.util.Objects;

/**
 * Why the model stopped: an open value, so a reason Groq adds later still parses and round-trips.
 *
 * <pre>{@code
 * if (choice.finishReason() == FinishReason.TOOL_CALLS) { ... }   // known values are interned constants
 * FinishReason.of("content_filter").value();                       // "content_filter"
 * }</pre>
 */
public final class FinishReason extends OpenValue {
    /** A natural stop point or a stop sequence. */
    public static final FinishReason STOP = new FinishReason("stop");
    /** {@code max_completion_tokens} or the context length was reached. */
    public static final FinishReason LENGTH = new FinishReason("length");
    /** The model called one or more tools. */
    public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");
    /** Deprecated form of {@link #TOOL_CALLS}. */
    public static final FinishReason FUNCTION_CALL = new FinishReason("function_call");

    private FinishReason(String value) {
        super(value);
    }

    /** The constant for a known value, else a new instance holding {@code value} as received. */
    @JsonCreator
    public static FinishReason of(String value) {
        Objects.requireNonNull(value, "value == null");
        switch (value) {
            case "stop": return STOP;
            case "length": return LENGTH;
            case "tool_calls": return TOOL_CALLS;
            case "function_call": return FUNCTION_CALL;
            default: return new FinishReason(value);
        }
    }
}
