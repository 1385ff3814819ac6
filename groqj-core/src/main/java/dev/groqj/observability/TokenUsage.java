package dev.groqj.observability;

/**
 * The tokens a call used, as Groq reported them in {@code usage} (or a stream's {@code x_groq.usage}).
 *
 * <pre>{@code
 * listener.callEnd(call, TokenUsage.of(usage.promptTokens(), usage.completionTokens()), duration);
 * }</pre>
 */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0: " + promptTokens + ", "
                    + completionTokens + ", " + totalTokens);
        }
    }

    /** Usage whose total is prompt plus completion tokens. */
    public static TokenUsage of(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, promptTokens + completionTokens);
    }
}
