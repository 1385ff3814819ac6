package dev.groqj.internal;

import dev.groqj.observability.CallInfo;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.transport.AsyncStreamingResponse;
import dev.groqj.transport.Headers;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A streamed answer whose body is published as the reader asks for it. Closing it without an outcome counts
 * as a normal end (the reader cancelled). Not API.
 */
public final class AsyncOpenStream extends StreamCall implements AsyncStreamingResponse {
    private final AsyncStreamingResponse response;

    AsyncOpenStream(AsyncStreamingResponse response, CallInfo call, Instant startedAt,
                    ResilienceOrchestrator resilience) {
        super(call, startedAt, resilience);
        this.response = response;
    }

    @Override public int statusCode() { return response.statusCode(); }
    @Override public Headers headers() { return response.headers(); }
    @Override public Flow.Publisher<List<ByteBuffer>> body() { return response.body(); }

    @Override
    public void close() {
        response.close();
        ended(null);
    }
}
