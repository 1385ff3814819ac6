package dev.groqj.observability;

/** The circuit breaker's states, named as Resilience4j names them, as reported to {@link GroqListener}. */
public enum CircuitState {
    /** Calls pass; failures are counted. */
    CLOSED,
    /** Calls are rejected without being sent until the wait in open state has passed. */
    OPEN,
    /** A few probe calls pass; their outcome closes or reopens the circuit. */
    HALF_OPEN,
    /** The breaker lets everything pass and counts nothing. */
    DISABLED,
    /** Held open by hand. */
    FORCED_OPEN,
    /** Calls pass and are counted, but the circuit never opens. */
    METRICS_ONLY
}
