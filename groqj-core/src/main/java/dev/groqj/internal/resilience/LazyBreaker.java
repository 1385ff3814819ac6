package dev.groqj.internal.resilience;

import dev.groqj.resilience.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The client's circuit breaker, a Resilience4j one created on the first outcome that can change its state: until
 * then the breaker is closed, every call is permitted, and fast successes are only counted. A client whose calls all
 * succeed never loads Resilience4j (about 60 classes on the first call of a fresh JVM). Not API.
 *
 * <p>Equivalent to the breaker created up front: the breaker is count-based, so a closed breaker that saw only fast
 * successes is fully described by how many (up to the window's size), and those are replayed into it when it is
 * created. A success counts as fast below {@link Breakers#SLOW_CALL}, the slow-call threshold it is built with.
 */
final class LazyBreaker {
    /** {@link #counted}'s value once {@link #breaker} is set. */
    private static final int CREATED = -1;

    private final CircuitBreakerConfig config;
    private final String name;
    private final Clock clock;
    private final Consumer<CircuitBreaker> onCreate;
    private final long slowNanos = Breakers.SLOW_CALL.toNanos();
    /** Fast successes seen before the breaker exists, capped at the window's size; {@link #CREATED} after. */
    private final AtomicInteger counted = new AtomicInteger();
    private volatile CircuitBreaker breaker;

    /** A breaker created from {@code config} when first needed, then handed to {@code onCreate} (to watch it). */
    LazyBreaker(CircuitBreakerConfig config, String name, Clock clock, Consumer<CircuitBreaker> onCreate) {
        this.config = config;
        this.name = name;
        this.clock = clock;
        this.onCreate = onCreate;
    }

    /** {@code given}, created by the caller: used from the start. */
    LazyBreaker(CircuitBreaker given, Consumer<CircuitBreaker> onCreate) {
        this(null, given.getName(), null, onCreate);
        onCreate.accept(given);
        breaker = given;
        counted.set(CREATED);
    }

    boolean tryAcquirePermission() {
        CircuitBreaker cb = breaker;
        return cb == null || cb.tryAcquirePermission(); // a closed breaker permits every call
    }

    void releasePermission() {
        CircuitBreaker cb = breaker;
        if (cb != null) cb.releasePermission(); // a no-op on a closed breaker
    }

    void onSuccess(long durationNanos) {
        if (durationNanos < slowNanos) {
            int window = config == null ? 0 : config.slidingWindowSize();
            for (int c = counted.get(); c != CREATED; c = counted.get()) {
                // a full window of successes stays full: one more changes nothing
                if (c >= window || counted.compareAndSet(c, c + 1)) return;
            }
        }
        get().onSuccess(durationNanos, TimeUnit.NANOSECONDS);
    }

    void onError(long durationNanos, Throwable error) {
        get().onError(durationNanos, TimeUnit.NANOSECONDS, error);
    }

    /** The Resilience4j breaker, created now (with the successes counted so far) if it was not yet. */
    CircuitBreaker get() {
        CircuitBreaker cb = breaker;
        if (cb != null) return cb;
        synchronized (this) {
            if (breaker != null) return breaker;
            cb = Breakers.of(config, name, clock);
            onCreate.accept(cb);
            // replayed before the breaker is published: a call that finds CREATED waits here, then records after them
            int successes = counted.getAndSet(CREATED);
            for (int i = 0; i < successes; i++) cb.onSuccess(0, TimeUnit.NANOSECONDS);
            breaker = cb;
        }
        return cb;
    }
}
