package dev.groqj.internal;

import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.transport.Headers;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A streamed answer that has opened, and the call it belongs to: the reader says when the first chunk came
 * and how the stream ended, so listeners and budgets see streamed calls like any other. The blocking
 * ({@link OpenStream}) and non-blocking ({@link AsyncOpenStream}) forms share this. Not API.
 */
public abstract class StreamCall {
    private final CallInfo call;
    private final Instant startedAt;
    private final ResilienceOrchestrator resilience;
    private final AtomicBoolean firstChunkSeen = new AtomicBoolean();
    private final AtomicBoolean outcomeReported = new AtomicBoolean();

    StreamCall(CallInfo call, Instant startedAt, ResilienceOrchestrator resilience) {
        this.call = call;
        this.startedAt = startedAt;
        this.resilience = resilience;
    }

    public abstract Headers headers();

    /** {@code x-request-id}, or null. */
    public final String requestId() {
        return headers().firstOrNull("x-request-id");
    }

    /** Call for every chunk; reports the first (time to first token). */
    public final void chunkArrived() {
        if (firstChunkSeen.compareAndSet(false, true)) resilience.listener().firstChunk(call);
    }

    /** The stream ended well; {@code response} (or null) says what it held. Reported once, with any failure. */
    public final void ended(ResponseInfo response) {
        if (!outcomeReported.compareAndSet(false, true)) return;
        if (response != null) {
            if (response.requestId() == null) response = response.toBuilder().requestId(requestId()).build();
            resilience.listener().responseReceived(call, response);
        }
        resilience.streamEnded(call, startedAt, response == null ? null : response.usage());
    }

    /** The stream failed after it opened (an {@code event: error}, a cut connection). */
    public final void failed(GroqException error) {
        if (outcomeReported.compareAndSet(false, true)) resilience.streamFailed(call, startedAt, error);
    }
}
