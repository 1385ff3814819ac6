package dev.groqj.internal.resilience;

import dev.groqj.resilience.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Clock;
import java.time.Duration;

/** Builds the Resilience4j breaker a {@link CircuitBreakerConfig} describes; kept out of the public config. Not API. */
final class Breakers {
    /** A success slower than this counts as a slow call (Resilience4j's default, named for {@link LazyBreaker}). */
    static final Duration SLOW_CALL = Duration.ofSeconds(60);

    private Breakers() {
    }

    /** The breaker {@code config} describes, reading time from {@code clock}. */
    static CircuitBreaker of(CircuitBreakerConfig config, String name, Clock clock) {
        CircuitBreaker cb = CircuitBreaker.of(name, io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                .failureRateThreshold(config.failureRateThreshold())
                .slidingWindowType(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.slidingWindowSize())
                .minimumNumberOfCalls(config.minimumNumberOfCalls())
                .slowCallDurationThreshold(SLOW_CALL)
                .waitDurationInOpenState(config.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(config.permittedNumberOfCallsInHalfOpenState())
                .recordException(CircuitBreakerConfig::isServerFailure)
                .clock(clock)
                .build());
        if (!config.enabled()) cb.transitionToDisabledState();
        return cb;
    }
}
