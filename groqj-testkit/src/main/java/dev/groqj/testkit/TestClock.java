package dev.groqj.testkit;

import dev.groqj.resilience.DelayScheduler;
import dev.groqj.resilience.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A clock that moves only when told, for quota tests that finish in milliseconds: give it to a
 * {@link FakeGroqServer} (its quotas refill on it) and to the client, with {@link #sleeper()} and
 * {@link #delayScheduler()}, so that every wait of the client moves the clock instead of spending time.
 *
 * <pre>{@code
 * TestClock clock = TestClock.create();
 * FakeGroqServer groq = FakeGroqServer.builder().clock(clock).requestsPerMinute(30).build().start();
 * GroqClient client = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey())
 *         .clock(clock).sleeper(clock.sleeper()).delayScheduler(clock.delayScheduler()).build();
 * }</pre>
 *
 * Thread-safe; it never goes back.
 */
public final class TestClock extends Clock {
    /** Where a new clock starts. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    private TestClock(Instant start) {
        this.now = start;
    }

    /**
     * A clock at {@link #START}.
     *
     * @return a new clock
     */
    public static TestClock create() {
        return new TestClock(START);
    }

    /**
     * Moves the clock on.
     *
     * @param duration how far, not negative
     */
    public synchronized void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration == null");
        if (duration.isNegative()) throw new IllegalArgumentException("a clock does not go back: " + duration);
        now = now.plus(duration);
    }

    /**
     * A sleeper for blocking calls: each sleep moves this clock on by its duration, at once.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return this::advance;
    }

    /**
     * A scheduler for async calls: each delay moves this clock on by its duration and completes at once.
     *
     * @return the scheduler
     */
    public DelayScheduler delayScheduler() {
        return delay -> {
            advance(delay);
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "TestClock{" + now + '}';
    }
}
