package dev.groqj.observability;

import dev.groqj.error.GroqException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hears the life of every call: start, waits, attempts, retries, the answer, the end. In the spirit of
 * OkHttp's {@code EventListener}; metrics and tracing adapters are built on it.
 *
 * <pre>{@code
 * GroqListener timing = new GroqListener() {
 *     @Override public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
 *         log.info("{} took {} and used {}", call.operation(), duration, usage);
 *     }
 * };
 * }</pre>
 *
 * <p>Order of events for one call: {@code callStart}, then per attempt {@code rateLimitWait} (when the call
 * must wait), {@code attemptStart}, {@code requestSent}, {@code responseHeaders}, {@code firstChunk} (streams),
 * and {@code retryScheduled} when the attempt failed and another follows; finally exactly one of
 * {@code callEnd} (after {@code responseReceived} when the answer was decoded) or {@code callFailed}. A streaming call ends when its stream does. {@code
 * circuitStateChanged} belongs to no call and comes when the breaker moves.
 *
 * <p>Rules for implementers:
 * <ul>
 *   <li>Be fast and never block: events arrive on the thread that runs the call, often an I/O or
 *       scheduler thread. Hand slow work to your own executor.</li>
 *   <li>Do not throw. The client catches and logs (at warn) what a listener throws and carries on, but
 *       the other events of that call still arrive.</li>
 *   <li>Events of different calls arrive concurrently; key per-call state on {@link CallInfo} (identity
 *       equality, unique {@link CallInfo#id()}).</li>
 *   <li>Do not keep or log secrets: no event carries the API key, and none should be added to them.</li>
 * </ul>
 * Every method has an empty default, so implement only what you need.
 */
public interface GroqListener {
    /** Hears nothing. */
    GroqListener NOOP = new GroqListener() {
    };

    /**
     * One listener that tells {@code listeners} each event in order. It also guards them: a listener that
     * throws is logged and the others still hear the event. The client wraps every listener this way.
     */
    static GroqListener composite(List<? extends GroqListener> listeners) {
        Objects.requireNonNull(listeners, "listeners == null");
        List<GroqListener> copy = List.copyOf(listeners);
        // NOOP hears nothing and never throws, and a composite already guards its own: neither needs wrapping,
        // so a client without listeners tells no one, with no capture allocated per event
        List<GroqListener> heard = new ArrayList<>(copy.size());
        for (GroqListener l : copy) if (l != NOOP) heard.add(l);
        if (heard.isEmpty()) return NOOP;
        if (heard.size() == 1 && heard.get(0) instanceof CompositeListener) return heard.get(0);
        return new CompositeListener(heard);
    }

    /** The call begins, before any wait or attempt. */
    default void callStart(CallInfo call) {
    }

    /** The call waits {@code wait} before its next attempt because of a rate limit; {@code reason} says which. */
    default void rateLimitWait(CallInfo call, Duration wait, WaitReason reason) {
    }

    /** Attempt number {@code attempt} (1 for the first) is about to be sent. */
    default void attemptStart(CallInfo call, int attempt) {
    }

    /** The request of the current attempt was handed to the transport. */
    default void requestSent(CallInfo call) {
    }

    /** The response's status line and headers arrived; {@code requestId} is Groq's {@code x-request-id} or null. */
    default void responseHeaders(CallInfo call, int statusCode, String requestId) {
    }

    /** A stream's first chunk arrived: time to first token is the time since {@link #callStart}. */
    default void firstChunk(CallInfo call) {
    }

    /**
     * The answer was read and decoded (for a stream: it ended); {@code response} says what it was (id, model,
     * finish reasons, usage, Groq's timings). Comes right before {@code callEnd}; not for answers that carry
     * no such data (models, audio).
     */
    default void responseReceived(CallInfo call, ResponseInfo response) {
    }

    /** Attempt number {@code attempt} failed with {@code error}; the next one follows after {@code delay}. */
    default void retryScheduled(CallInfo call, int attempt, Duration delay, GroqException error) {
    }

    /** The circuit breaker moved from one state to another. */
    default void circuitStateChanged(CircuitState from, CircuitState to) {
    }

    /**
     * The call succeeded. {@code usage} is what Groq reported, or null when the answer carries none
     * (e.g. models, speech). {@code duration} spans callStart to now, waits and retries included.
     */
    default void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
    }

    /** The call failed for good with {@code error}, the error the caller receives. */
    default void callFailed(CallInfo call, GroqException error, Duration duration) {
    }
}

/** Tells each listener in turn; a throwing listener is logged and skipped. */
final class CompositeListener implements GroqListener {
    private static final Logger LOG = LoggerFactory.getLogger(GroqListener.class);

    /** An array, not the list: told several times a call, an indexed loop allocates no iterator. */
    private final GroqListener[] listeners;

    CompositeListener(List<GroqListener> listeners) {
        this.listeners = listeners.toArray(new GroqListener[0]);
    }

    private void each(String event, java.util.function.Consumer<GroqListener> action) {
        for (GroqListener listener : listeners) {
            try {
                action.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("GroqListener {} threw from {}; ignored", listener.getClass().getName(), event, e);
            }
        }
    }

    @Override public void callStart(CallInfo call) {
        each("callStart", l -> l.callStart(call));
    }

    @Override public void rateLimitWait(CallInfo call, Duration wait, WaitReason reason) {
        each("rateLimitWait", l -> l.rateLimitWait(call, wait, reason));
    }

    @Override public void attemptStart(CallInfo call, int attempt) {
        each("attemptStart", l -> l.attemptStart(call, attempt));
    }

    @Override public void requestSent(CallInfo call) {
        each("requestSent", l -> l.requestSent(call));
    }

    @Override public void responseHeaders(CallInfo call, int statusCode, String requestId) {
        each("responseHeaders", l -> l.responseHeaders(call, statusCode, requestId));
    }

    @Override public void firstChunk(CallInfo call) {
        each("firstChunk", l -> l.firstChunk(call));
    }

    @Override public void responseReceived(CallInfo call, ResponseInfo response) {
        each("responseReceived", l -> l.responseReceived(call, response));
    }

    @Override public void retryScheduled(CallInfo call, int attempt, Duration delay, GroqException error) {
        each("retryScheduled", l -> l.retryScheduled(call, attempt, delay, error));
    }

    @Override public void circuitStateChanged(CircuitState from, CircuitState to) {
        each("circuitStateChanged", l -> l.circuitStateChanged(from, to));
    }

    @Override public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
        each("callEnd", l -> l.callEnd(call, usage, duration));
    }

    @Override public void callFailed(CallInfo call, GroqException error, Duration duration) {
        each("callFailed", l -> l.callFailed(call, error, duration));
    }
}
