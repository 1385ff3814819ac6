package dev.groqj.chat;

import dev.groqj.error.GroqException;

/**
 * Callbacks for an async streamed completion, for code that does not want to write a
 * {@link java.util.concurrent.Flow.Subscriber}. Every method has an empty default.
 *
 * <pre>{@code
 * client.async().chat().stream(request, new ChatStreamHandler() {
 *     @Override public void onChunk(ChatCompletionChunk chunk) { System.out.print(text(chunk)); }
 *     @Override public void onComplete(ChatCompletion completion) { System.out.println(); }
 *     @Override public void onError(GroqException error) { error.printStackTrace(); }
 * });
 * }</pre>
 *
 * <p>Calls arrive one at a time, in order, on the HTTP client's threads: do not block in them. An exception
 * thrown from {@code onChunk} cancels the stream and fails the returned future with it.
 */
public interface ChatStreamHandler {
    /** A chunk arrived. */
    default void onChunk(ChatCompletionChunk chunk) {
    }

    /** The stream ended well; {@code completion} is what its chunks make (content, tool calls, usage). */
    default void onComplete(ChatCompletion completion) {
    }

    /**
     * The call failed: before the stream opened (any {@link GroqException}) or inside it (a
     * {@link dev.groqj.error.StreamException} with the partial content).
     */
    default void onError(GroqException error) {
    }
}
