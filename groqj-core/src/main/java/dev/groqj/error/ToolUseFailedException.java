package dev.groqj.error;

/**
 * HTTP 400 with code {@code tool_use_failed}: the model wrote a tool call Groq could not accept (arguments that
 * break the schema, a tool that does not exist, no call where one was required). {@link #failedGeneration()} is
 * what the model wrote; {@code ToolRunOptions.repairToolUseFailed} re-asks once with this error.
 */
public class ToolUseFailedException extends BadRequestException {
    public ToolUseFailedException(ErrorDetails details) {
        super(details);
    }

    /** The generation Groq rejected, never null (empty when Groq sent none). */
    @Override
    public String failedGeneration() {
        String generation = super.failedGeneration();
        return generation == null ? "" : generation;
    }
}
