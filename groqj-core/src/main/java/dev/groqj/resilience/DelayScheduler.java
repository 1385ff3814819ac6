package dev.groqj.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Completes a future after a delay without blocking a thread: how retry backoffs and rate-limit waits of
 * async calls pass. Tests replace it to record delays and complete at once.
 *
 * <pre>{@code
 * DelayScheduler s = DelayScheduler.SYSTEM;
 * s.delay(Duration.ofMillis(500)).thenRun(this::retry);
 * }</pre>
 */
@FunctionalInterface
public interface DelayScheduler {
    /** {@link CompletableFuture#delayedExecutor}: a JDK timer thread, then the common pool. */
    DelayScheduler SYSTEM = delay -> CompletableFuture.runAsync(() -> {
    }, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));

    /** A future that completes once {@code delay} has passed. */
    CompletableFuture<Void> delay(Duration delay);
}
