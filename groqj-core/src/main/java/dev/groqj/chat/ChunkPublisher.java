package dev.groqj.chat;

import dev.groqj.internal.AsyncOpenStream;
import dev.groqj.internal.EventPublisher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * A streamed chat completion as a {@link Flow.Publisher}: the shared {@link EventPublisher} with chat's decoder.
 * Each subscriber starts its own call; the body is read only as fast as the subscriber asks; {@code cancel()}
 * aborts the exchange. Failures end it as {@link ChatStream} says, through {@code onError}, after every chunk that
 * arrived before them.
 */
final class ChunkPublisher implements Flow.Publisher<ChatCompletionChunk> {
    private final EventPublisher<ChatCompletionChunk> events;

    ChunkPublisher(Supplier<CompletableFuture<AsyncOpenStream>> open) {
        this.events = new EventPublisher<>(open, ChatEvents::new);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
        events.subscribe(subscriber);
    }
}
