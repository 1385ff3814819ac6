package dev.groqj.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when something sleeps or schedules on it; records every sleep and delay. */
public final class FakeTime extends Clock implements Sleeper, DelayScheduler {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now = START;
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final List<Duration> delays = new CopyOnWriteArrayList<>();

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public CompletableFuture<Void> delay(Duration delay) {
        delays.add(delay);
        advance(delay);
        return CompletableFuture.completedFuture(null);
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
        throw new UnsupportedOperationException();
    }
}
