package dev.groqj.resilience;

import java.time.Duration;

/**
 * Blocks the calling thread for a while: how retry backoffs and rate-limit waits of blocking calls pass.
 * Tests replace it to record waits instead of spending them.
 *
 * <pre>{@code
 * List<Duration> slept = new ArrayList<>();
 * ResilienceOrchestrator.builder().sleeper(slept::add)...
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    /** {@link Thread#sleep}: parks a virtual thread without pinning its carrier. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
