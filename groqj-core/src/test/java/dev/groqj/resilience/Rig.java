package dev.groqj.resilience;

import dev.groqj.internal.resilience.ResilienceOrchestrator;
/** An orchestrator on fake time (no jitter, no breaker) that records its events: the tests' common setup. */
final class Rig {
    final FakeTime time = new FakeTime();
    final RecordingListener events = new RecordingListener();

    ResilienceOrchestrator.Builder orchestrator() {
        return ResilienceOrchestrator.builder()
                .retryConfig(RetryConfig.builder().jitter(0).build())
                .circuitBreakerConfig(CircuitBreakerConfig.DISABLED)
                .clock(time).sleeper(time).delayScheduler(time)
                .listener(events);
    }
}
