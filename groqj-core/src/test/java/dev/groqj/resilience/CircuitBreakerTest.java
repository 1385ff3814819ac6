package dev.groqj.resilience;

import dev.groqj.error.CircuitOpenException;
import dev.groqj.error.GroqException;
import dev.groqj.error.ServerException;
import dev.groqj.observability.CallInfo;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CircuitBreakerTest {
    private final Rig rig = new Rig();
    private final FakeTime time = rig.time;
    private final RecordingListener events = rig.events;
    private final CallInfo once = CallInfo.builder("chat.create", "POST", "/chat/completions").maxRetries(0).build();
    private final CircuitBreakerConfig threeStrikes = CircuitBreakerConfig.builder()
            .slidingWindowSize(3).minimumNumberOfCalls(3).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10)).permittedNumberOfCallsInHalfOpenState(1).build();

    private ResilienceOrchestrator.Builder orchestrator() {
        return rig.orchestrator().circuitBreakerConfig(threeStrikes);
    }

    private static void fail(ResilienceOrchestrator o, CallInfo call, GroqException error) {
        assertThatThrownBy(() -> o.execute(call, Scripted.always(error, new AtomicInteger())))
                .isSameAs(error);
    }

    @Test
    void opensAfterTheConfiguredFailuresAndRejectsWithoutSending() {
        ResilienceOrchestrator o = orchestrator().build();
        for (int i = 0; i < 3; i++) fail(o, once, Errors.status5xx(503));
        assertThat(o.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        time.advance(Duration.ofSeconds(4));
        AtomicInteger calls = new AtomicInteger();

        CircuitOpenException open = catchThrowableOfType(CircuitOpenException.class,
                () -> o.execute(once, Scripted.always(Errors.status5xx(503), calls)));

        assertThat(calls).hasValue(0);
        assertThat(open.retryIn()).isEqualTo(Duration.ofSeconds(6));
        assertThat(open.statusCode()).isZero();
        assertThat(events.events).contains("circuit CLOSED -> OPEN");
        assertThat(events.events).last().asString().startsWith("callFailed CircuitOpenException 0");
    }

    @Test
    void halfOpensAfterTheWaitAndClosesOnASuccessfulProbe() {
        ResilienceOrchestrator o = orchestrator().build();
        for (int i = 0; i < 3; i++) fail(o, once, Errors.status498());
        time.advance(Duration.ofSeconds(10).plusMillis(1));

        assertThat(o.execute(once, new Scripted())).isEqualTo("ok");

        assertThat(o.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(events.events).containsSubsequence(
                "circuit CLOSED -> OPEN", "circuit OPEN -> HALF_OPEN", "circuit HALF_OPEN -> CLOSED");
    }

    @Test
    void failedProbeReopensIt() {
        ResilienceOrchestrator o = orchestrator().build();
        for (int i = 0; i < 3; i++) fail(o, once, new dev.groqj.error.NetworkException("refused", null));
        time.advance(Duration.ofSeconds(11));

        fail(o, once, Errors.status5xx(500));

        assertThat(o.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(events.events).containsSubsequence("circuit OPEN -> HALF_OPEN", "circuit HALF_OPEN -> OPEN");
    }

    @Test
    void clientErrorsAnd429DoNotOpenIt() {
        ResilienceOrchestrator o = orchestrator().build();
        for (int i = 0; i < 5; i++) {
            fail(o, once, Errors.status400());
            fail(o, once, Errors.status429());
            fail(o, once, Errors.status401());
        }
        assertThat(o.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(o.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void circuitOpeningDuringRetriesEndsWithTheLastRealError() {
        CallInfo retried = once.toBuilder().maxRetries(5).build();
        ResilienceOrchestrator o = orchestrator().build();
        AtomicInteger calls = new AtomicInteger();
        ServerException error = Errors.status5xx(502);

        Throwable thrown = catchThrowableOfType(ServerException.class,
                () -> o.execute(retried, Scripted.always(error, calls)));

        assertThat(thrown).isSameAs(error);
        assertThat(calls).hasValue(3);
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(CircuitOpenException.class);
    }

    @Test
    void usersOwnBreakerIsUsed() {
        CircuitBreaker mine = CircuitBreaker.ofDefaults("mine");
        ResilienceOrchestrator o = orchestrator().circuitBreaker(mine).build();
        mine.transitionToForcedOpenState();
        AtomicInteger calls = new AtomicInteger();

        CircuitOpenException open = catchThrowableOfType(CircuitOpenException.class,
                () -> o.execute(once, Scripted.always(Errors.status5xx(500), calls)));

        assertThat(calls).hasValue(0);
        assertThat(open.retryIn()).isNull();
        assertThat(open).hasMessageContaining("mine").hasMessageContaining("FORCED_OPEN");
        assertThat(events.events).contains("circuit CLOSED -> FORCED_OPEN");
    }

    @Test
    void disabledBreakerNeverRejects() {
        ResilienceOrchestrator o = orchestrator().circuitBreakerConfig(CircuitBreakerConfig.DISABLED).build();
        for (int i = 0; i < 10; i++) fail(o, once, Errors.status5xx(500));
        assertThat(o.execute(once, new Scripted())).isEqualTo("ok");
    }
}
