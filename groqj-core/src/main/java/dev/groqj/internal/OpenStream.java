package dev.groqj.internal;

import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.TokenUsage;
import dev.groqj.resilience.ResilienceOrchestrator;
import dev.groqj.transport.Headers;
import dev.groqj.transport.StreamingResponse;

import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streamed answer that has opened, and the call it belongs to: the reader says when the first chunk came
 * and how the stream ended, so listeners and budgets see streamed calls like any other. Closing it without
 * an outcome counts as a normal end (the caller stopped reading). Not API.
 */
public final class OpenStream implements StreamingResponse {
    private final StreamingResponse response;
    private final CallInfo call;
    private final Instant startedAt;
    private final ResilienceOrchestrator resilience;
    private final AtomicBoolean outcomeReported = new AtomicBoolean();
    private boolean firstChunkSeen;

    OpenStream(StreamingResponse response, CallInfo call, Instant startedAt, ResilienceOrchestrator resilience) {
        this.response = response;
        this.call = call;
        this.startedAt = startedAt;
        this.resilience = resilience;
    }

    @Override public int statusCode() { return response.statusCode(); }
    @Override public Headers headers() { return response.headers(); }
    @Override public InputStream body() { return response.body(); }

    /** Call for every chunk; reports the first (time to first token). */
    public void chunkArrived() {
        if (!firstChunkSeen) {
            firstChunkSeen = true;
            resilience.listener().firstChunk(call);
        }
    }

    public void ended(TokenUsage usage) {
        if (outcomeReported.compareAndSet(false, true)) resilience.streamEnded(call, startedAt, usage);
    }

    public void failed(GroqException error) {
        if (outcomeReported.compareAndSet(false, true)) resilience.streamFailed(call, startedAt, error);
    }

    @Override
    public void close() {
        response.close();
        ended(null);
    }
}
