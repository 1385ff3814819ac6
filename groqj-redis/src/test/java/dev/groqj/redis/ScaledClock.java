package dev.groqj.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall time sped up {@code scale} times from {@code origin}: every JVM given the same origin and scale reads the
 * same instant, so processes share a minute that lasts {@code 60 / scale} seconds. Their sleeps must be divided by the scale.
 */
final class ScaledClock extends Clock {
    private final Instant origin;
    private final long scale;

    ScaledClock(Instant origin, long scale) {
        this.origin = origin;
        this.scale = scale;
    }

    /** How long a wait of {@code scaled} on this clock takes in real time. */
    Duration real(Duration scaled) {
        return scaled.dividedBy(scale);
    }

    @Override
    public Instant instant() {
        return origin.plus(Duration.between(origin, Instant.now()).multipliedBy(scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
