package dev.groqj.internal.resilience;

import dev.groqj.resilience.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Clock;

/** Builds the Resilience4j breaker a {@link CircuitBreakerConfig} describes; kept out of the public config. Not API. */
final class Breakers {
    private Breakers() {
    }

    /** The breaker {@code config} describes, reading time from {@code clock}. */
    static CircuitBreaker of(CircuitBreakerConfig config, String name, Clock clock) {
        CircuitBreaker cb = CircuitBreaker.of(name, io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                .failureRateThreshold(config.failureRateThreshold())
                .slidingWindowType(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.slidingWindowSize())
                .minimumNumberOfCalls(config.minimumNumberOfCalls())
                .waitDurationInOpenState(config.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(config.permittedNumberOfCallsInHalfOpenState())
                .recordException(CircuitBreakerConfig::isServerFailure)
                .clock(clock)
                .build());
        if (!config.enabled()) cb.transitionToDisabledState();
        return cb;
    }
}
