package dev.groqj.resilience;

import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.CircuitState;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import dev.groqj.observability.WaitReason;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes each event as one short line. */
final class RecordingListener implements GroqListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override public void callStart(CallInfo call) {
        events.add("callStart " + call.operation());
    }

    @Override public void rateLimitWait(CallInfo call, Duration wait, WaitReason reason) {
        events.add("rateLimitWait " + wait + " " + reason);
    }

    @Override public void attemptStart(CallInfo call, int attempt) {
        events.add("attemptStart " + attempt);
    }

    @Override public void retryScheduled(CallInfo call, int attempt, Duration delay, GroqException error) {
        events.add("retryScheduled " + attempt + " " + delay + " " + error.statusCode());
    }

    @Override public void circuitStateChanged(CircuitState from, CircuitState to) {
        events.add("circuit " + from + " -> " + to);
    }

    @Override public void callEnd(CallInfo call, TokenUsage usage, Duration duration) {
        events.add("callEnd " + (usage == null ? "-" : usage.totalTokens()) + " " + duration);
    }

    @Override public void callFailed(CallInfo call, GroqException error, Duration duration) {
        events.add("callFailed " + error.getClass().getSimpleName() + " " + error.statusCode() + " " + duration);
    }
}
