package dev.groqj.chat;

import dev.groqj.XGroq;
import dev.groqj.internal.EventDecoder;
import dev.groqj.internal.Json;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.internal.sse.SseEvent;

/**
 * What the events of a chat stream mean: each is a {@link ChatCompletionChunk}, folded into one accumulator for
 * the partial content of a failure, the listeners at the end and {@link ChatStream#accumulate()}; a chunk whose
 * {@code x_groq.error} is set says Groq stopped the stream. The reading, ending and failing are the shared
 * stream engine's, so the blocking {@link ChatStream} and the async publisher behave alike.
 *
 * <p>Not thread safe: one stream, read in order.
 */
final class ChatEvents implements EventDecoder<ChatCompletionChunk> {
    private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    /** Built once at the end, for the listeners and for {@code accumulate()} alike. */
    private ChatCompletion ended;

    @Override
    public ChatCompletionChunk decode(SseEvent event) {
        ChatCompletionChunk chunk = Json.read(event.utf8(), ChatCompletionChunk.class);
        accumulator.add(chunk);
        return chunk;
    }

    /**
     * A chunk never starts with an error key; only parse what might be one. {@code "choices"} comes early in a
     * chunk, so that search ends soon; the whole data is searched for {@code "error"} only when it is missing.
     */
    @Override
    public boolean mayBeError(SseEvent event) {
        return event.startsWith("{\"error\"") || (!event.contains("\"choices\"") && event.contains("\"error\""));
    }

    @Override
    public String stopReason(ChatCompletionChunk chunk) {
        XGroq x = chunk.xGroq();
        return x == null ? null : x.error();
    }

    @Override
    public ResponseInfo ended() {
        ended = accumulator.build();
        return ChatService.describe(ended);
    }

    @Override
    public String content() {
        return accumulator.content();
    }

    @Override
    public String reasoning() {
        return accumulator.reasoning();
    }

    /** The completion the chunks so far make. */
    int chunkCount() {
        return accumulator.chunkCount();
    }

    ChatCompletion completion() {
        return ended != null ? ended : accumulator.build();
    }
}
