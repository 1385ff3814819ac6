package dev.groqj.internal;

import dev.groqj.observability.CallInfo;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.transport.Headers;
import dev.groqj.transport.StreamingResponse;

import java.io.InputStream;
import java.time.Instant;

/**
 * A streamed answer read on the caller's thread. Closing it without an outcome counts as a normal end (the
 * caller stopped reading). Not API.
 */
public final class OpenStream extends StreamCall implements StreamingResponse {
    private final StreamingResponse response;

    OpenStream(StreamingResponse response, CallInfo call, Instant startedAt, ResilienceOrchestrator resilience) {
        super(call, startedAt, resilience);
        this.response = response;
    }

    @Override public int statusCode() { return response.statusCode(); }
    @Override public Headers headers() { return response.headers(); }
    @Override public InputStream body() { return response.body(); }

    @Override
    public void close() {
        response.close();
        ended(null);
    }
}
