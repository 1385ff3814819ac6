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
        ChatCompletionChunk chunk = Json.read(event.data(), ChatCompletionChunk.class);
        accumulator.add(chunk);
        return chunk;
    }

    /** A chunk never starts with an error key; only parse what might be one. */
    @Override
    public boolean mayBeError(String data) {
        return data.startsWith("{\"error\"") || (data.contains("\"error\"") && !data.contains("\"choices\""));
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
