package dev.groqj.resilience;

import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.error.BudgetExceededException;
import dev.groqj.error.CircuitOpenException;
import dev.groqj.error.FileSourceException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.ServerException;
import dev.groqj.observability.CallInfo;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
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
    void aCallCountsOnceHoweverManyAttemptsItMade() {
        CallInfo retried = once.toBuilder().maxRetries(5).build();
        ResilienceOrchestrator o = orchestrator().build();
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> o.execute(retried, Scripted.always(Errors.status5xx(502), calls)))
                .isInstanceOf(ServerException.class);
        assertThat(o.execute(retried, new Scripted(Errors.status5xx(503), Errors.status5xx(503))))
                .as("a call that succeeds on a retry is a success").isEqualTo("ok");

        assertThat(calls).hasValue(6);
        assertThat(o.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(o.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(o.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void circuitOpeningDuringRetriesEndsWithTheLastRealError() {
        CallInfo retried = once.toBuilder().maxRetries(5).build();
        ResilienceOrchestrator o = orchestrator().build();
        AtomicInteger calls = new AtomicInteger();
        ServerException error = Errors.status5xx(502);

        Throwable thrown = catchThrowableOfType(ServerException.class, () -> o.execute(retried, () -> {
            calls.incrementAndGet();
            o.circuitBreaker().transitionToOpenState(); // other calls opened it meanwhile
            throw error;
        }));

        assertThat(thrown).isSameAs(error);
        assertThat(calls).hasValue(1);
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(CircuitOpenException.class);
    }

    @ParameterizedTest(name = "timeout after 2 s, deadline {0} s: counted {1}")
    @CsvSource({"2, false", "60, true"})
    void aTimeoutCountsUnlessItIsTheCallsOwnDeadline(int deadlineSeconds, boolean counted) {
        ResilienceOrchestrator o = orchestrator().build();
        CallInfo call = once.toBuilder().deadline(Duration.ofSeconds(deadlineSeconds)).build();
        for (int i = 0; i < 3; i++) {
            timesOut(o, call, Duration.ofSeconds(2));
        }

        assertThat(o.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(counted ? 3 : 0);
        assertThat(o.circuitBreaker().getState())
                .isEqualTo(counted ? CircuitBreaker.State.OPEN : CircuitBreaker.State.CLOSED);
    }

    @Test
    void anUnreadableUploadIsNeitherRetriedNorCounted() {
        ResilienceOrchestrator o = orchestrator().build();
        CallInfo retried = once.toBuilder().maxRetries(5).build();
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            FileSourceException unreadable = new FileSourceException("could not read talk.ogg", new IOException("gone"));
            assertThatThrownBy(() -> o.execute(retried, Scripted.always(unreadable, calls))).isSameAs(unreadable);
        }

        assertThat(calls).hasValue(3);
        assertThat(o.circuitBreaker().getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(o.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void budgetRefusalsAreNotCounted() {
        ResilienceOrchestrator o = orchestrator()
                .rateLimitConfig(RateLimitConfig.builder().requestsPerMinute(1).failFast().build()).build();
        o.execute(once, new Scripted());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> o.execute(once, new Scripted())).isInstanceOf(BudgetExceededException.class);
        }

        assertThat(o.circuitBreaker().getMetrics().getNumberOfBufferedCalls()).isEqualTo(1);
        assertThat(o.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    /** An attempt that times out after {@code after}, as the transport does when its timer fires. */
    private void timesOut(ResilienceOrchestrator o, CallInfo call, Duration after) {
        assertThatThrownBy(() -> o.execute(call, () -> {
            time.advance(after);
            throw new GroqTimeoutException("timed out", null);
        })).isInstanceOf(GroqTimeoutException.class);
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
