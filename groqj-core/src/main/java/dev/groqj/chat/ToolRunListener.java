package dev.groqj.chat;

/**
 * Hears a tool run as it happens: each tool call started, finished or failed, and, in the streaming form, each
 * chunk of the model's answers. Parallel calls report from their own threads, so an implementation must be
 * thread-safe; an exception it throws fails the run.
 *
 * <pre>{@code
 * ToolRunOptions options = ToolRunOptions.builder().listener(new ToolRunListener() {
 *     public void started(ToolCall call) { log.info("-> {}", call.function().name()); }
 *     public void finished(ToolCall call, String result) { log.info("<- {}", result); }
 * }).build();
 * }</pre>
 */
public interface ToolRunListener {
    /** Does nothing. */
    ToolRunListener NOOP = new ToolRunListener() { };

    /** The handler for {@code call} is about to run. */
    default void started(ToolCall call) {
    }

    /** The handler returned; {@code result} is the tool message's text. */
    default void finished(ToolCall call, String result) {
    }

    /** The handler threw (or the call named no tool, or its arguments did not parse). */
    default void failed(ToolCall call, Exception error) {
    }

    /** A chunk of the model's answer, in {@code runToolsStreaming} only: tokens as they arrive. */
    default void chunk(ChatCompletionChunk chunk) {
    }
}
