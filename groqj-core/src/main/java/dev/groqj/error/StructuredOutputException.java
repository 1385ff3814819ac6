package dev.groqj.error;

/**
 * The model's answer (or a tool call's arguments) did not parse into the Java type asked for. The call itself
 * succeeded: {@link #rawContent()} is what the model wrote, {@link #reason()} why it did not fit.
 *
 * <pre>{@code
 * try {
 *     Weather w = client.chat().create(request, Weather.class).value();
 * } catch (StructuredOutputException e) {
 *     log.warn("unusable answer ({}): {}", e.reason(), e.rawContent());
 * }
 * }</pre>
 */
public class StructuredOutputException extends GroqException {
    private final String rawContent;
    private final String reason;
    private final String targetType;

    public StructuredOutputException(String targetType, String rawContent, String reason) {
        super("the answer does not parse into " + targetType + ": " + reason);
        this.targetType = targetType;
        this.rawContent = rawContent;
        this.reason = reason;
    }

    /** The text the model wrote, or null when it wrote none. */
    public String rawContent() {
        return rawContent;
    }

    /** Why it did not parse: the JSON error, a missing property, an answer cut off by the token limit. */
    public String reason() {
        return reason;
    }

    /** The name of the Java type asked for. */
    public String targetType() {
        return targetType;
    }
}
