package dev.groqj.micrometer;

import dev.groqj.observability.CallInfo;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import io.micrometer.observation.Observation;

/**
 * What an observation of one groqj call knows: the call, and once it succeeded, what the answer said.
 * Read it in your own {@link io.micrometer.observation.ObservationConvention} or handler.
 */
public final class GroqObservationContext extends Observation.Context {
    final long startNanos = System.nanoTime();
    private final CallInfo call;
    private volatile ResponseInfo response;
    private volatile TokenUsage usage;
    private volatile String requestId;

    GroqObservationContext(CallInfo call) {
        this.call = call;
    }

    /** @return the call being observed: its operation, model and request. */
    public CallInfo call() { return call; }
    /** @return what the answer said, or null (a failed call, or an answer without such data). */
    public ResponseInfo response() { return response; }
    /** @return the tokens used, or null. */
    public TokenUsage usage() { return usage; }
    /** @return Groq's {@code x-request-id}, or null. */
    public String requestId() { return requestId; }

    void response(ResponseInfo response) { this.response = response; }
    void usage(TokenUsage usage) { this.usage = usage; }
    void requestId(String requestId) { this.requestId = requestId; }
}
