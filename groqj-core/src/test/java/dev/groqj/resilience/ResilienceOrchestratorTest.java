package dev.groqj.resilience;

import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.error.CancelledException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.ServerException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ResilienceOrchestratorTest {
    private final Rig rig = new Rig();
    private final FakeTime time = rig.time;
    private final RecordingListener events = rig.events;
    private final CallInfo call = CallInfo.builder("chat.create", "POST", "/chat/completions").build();


    @Test
    void http429ThenSuccessWaitsExactlyTheRetryAfter() {
        Scripted attempt = new Scripted(Errors.status429("retry-after", "7"));

        String result = rig.orchestrator().build().execute(call, attempt);

        assertThat(result).isEqualTo("ok");
        assertThat(attempt.calls).hasValue(2);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(events.events).containsExactly(
                "callStart chat.create", "attemptStart 1", "retryScheduled 1 PT7S 429",
                "attemptStart 2", "callEnd - PT7S");
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        Scripted attempt = new Scripted(Errors.status429("retry-after", "9", "retry-after-ms", "1500"));

        rig.orchestrator().build().execute(call, attempt);

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void httpDateRetryAfterIsCountedFromTheClock() {
        Scripted attempt = new Scripted(Errors.status5xx(503, "retry-after", "Thu, 01 Jan 2026 00:00:30 GMT"));

        rig.orchestrator().build().execute(call, attempt);

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void http429RetryAfterHoldsBackTheNextCallToo() {
        ResilienceOrchestrator o = rig.orchestrator().build();
        CallInfo once = call.toBuilder().maxRetries(0).build();
        assertThatThrownBy(() -> o.execute(once, new Scripted(Errors.status429("retry-after", "4"))))
                .isInstanceOf(RateLimitException.class);
        time.advance(Duration.ofSeconds(1));

        o.execute(call, new Scripted());

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(events.events).contains("rateLimitWait PT3S RETRY_AFTER");
    }

    @Test
    void status503Then503ThenSuccessBacksOffExponentially() {
        Scripted attempt = new Scripted(Errors.status5xx(503), Errors.status5xx(503));

        String result = rig.orchestrator().build().execute(call, attempt);

        assertThat(result).isEqualTo("ok");
        assertThat(attempt.calls).hasValue(3);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void xShouldRetryFalseStopsAtOnce() {
        ServerException noRetry = Errors.status5xx(503, "x-should-retry", "false");
        Scripted attempt = new Scripted(noRetry);

        Throwable thrown = catchThrowable(() -> rig.orchestrator().build().execute(call, attempt));

        assertThat(thrown).isSameAs(noRetry);
        assertThat(attempt.calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void status498ThenSuccessRetries() {
        Scripted attempt = new Scripted(Errors.status498());

        assertThat(rig.orchestrator().build().execute(call, attempt)).isEqualTo("ok");
        assertThat(attempt.calls).hasValue(2);
    }

    @Test
    void networkFailureAndTimeoutAreRetried() {
        Scripted attempt = new Scripted(new NetworkException("connection reset", null),
                new GroqTimeoutException("read timed out", null));

        assertThat(rig.orchestrator().build().execute(call, attempt)).isEqualTo("ok");
        assertThat(attempt.calls).hasValue(3);
    }

    @Test
    void always500EndsAfterMaxRetriesPlusOneWithTheLastError() {
        List<ServerException> thrown = new ArrayList<>();
        ResilienceOrchestrator o = rig.orchestrator().build();

        Throwable error = catchThrowable(() -> o.execute(call, () -> {
            ServerException e = Errors.status5xx(500);
            thrown.add(e);
            throw e;
        }));

        assertThat(thrown).hasSize(4);
        assertThat(error).isSameAs(thrown.get(3));
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(events.events).last().isEqualTo("callFailed ServerException 500 PT3.5S");
    }

    @Test
    void perCallMaxRetriesOverridesTheConfig() {
        AtomicInteger calls = new AtomicInteger();
        CallInfo once = call.toBuilder().maxRetries(0).build();

        assertThatThrownBy(() -> rig.orchestrator().build().execute(once, Scripted.always(Errors.status5xx(502), calls)))
                .isInstanceOf(ServerException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void status401IsOneAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> rig.orchestrator().build().execute(call, Scripted.always(Errors.status401(), calls)))
                .hasMessageContaining("401");
        assertThat(calls).hasValue(1);
    }

    @Test
    void status413IsOneAttemptEvenWhenTheServerSaysRetry() {
        AtomicInteger calls = new AtomicInteger();
        GroqException tooLarge = Errors.status413("x-should-retry", "true");

        assertThat(catchThrowable(() -> rig.orchestrator().build().execute(call, Scripted.always(tooLarge, calls))))
                .isSameAs(tooLarge);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retryAfterAboveTheCapFailsFastWithThe429() {
        RateLimitException longWait = Errors.status429("retry-after", "120");
        Scripted attempt = new Scripted(longWait);

        assertThat(catchThrowable(() -> rig.orchestrator().build().execute(call, attempt))).isSameAs(longWait);
        assertThat(attempt.calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void deadlineStopsRetriesThatWouldEndAfterIt() {
        AtomicInteger calls = new AtomicInteger();
        ResilienceOrchestrator o = rig.orchestrator()
                .retryConfig(RetryConfig.builder().jitter(0).maxRetries(10).deadline(Duration.ofSeconds(2)).build())
                .build();

        assertThatThrownBy(() -> o.execute(call, Scripted.always(Errors.status5xx(503), calls)))
                .isInstanceOf(ServerException.class);
        // 0.5 s + 1 s fit in 2 s; the next 2 s backoff would not
        assertThat(calls).hasValue(3);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void perCallDeadlineOverridesTheConfig() {
        AtomicInteger calls = new AtomicInteger();
        CallInfo hurried = call.toBuilder().deadline(Duration.ofMillis(600)).build();

        assertThatThrownBy(() -> rig.orchestrator().build().execute(hurried, Scripted.always(Errors.status5xx(503), calls)))
                .isInstanceOf(ServerException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void unexpectedExceptionPassesThroughUnretried() {
        IllegalStateException bug = new IllegalStateException("mapping bug");
        AtomicInteger calls = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> rig.orchestrator().build().execute(call, () -> {
            calls.incrementAndGet();
            throw bug;
        }));

        assertThat(thrown).isSameAs(bug);
        assertThat(calls).hasValue(1);
        assertThat(events.events).last().asString().startsWith("callFailed GroqException 0");
    }

    @Test
    void interruptedWaitFailsAndKeepsTheInterruptFlag() {
        ResilienceOrchestrator o = rig.orchestrator().sleeper(d -> {
            throw new InterruptedException();
        }).build();
        try {
            Throwable thrown = catchThrowable(() -> o.execute(call, new Scripted(Errors.status5xx(503))));

            assertThat(thrown).isInstanceOf(CancelledException.class).hasMessageContaining("interrupted");
            assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(ServerException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void usageIsReportedOnCallEnd() {
        ResilienceOrchestrator o = rig.orchestrator().build();

        o.execute(call, () -> "ok", r -> TokenUsage.of(12, 30));

        assertThat(events.events).last().isEqualTo("callEnd 42 PT0S");
    }

    @Test
    void streamingCallEndsWhenThePipelineSaysSo() {
        ResilienceOrchestrator o = rig.orchestrator().build();
        CallInfo stream = call.toBuilder().streaming(true).build();
        var start = o.clock().instant();

        o.execute(stream, () -> "stream", r -> TokenUsage.of(1, 1));
        assertThat(events.events).noneMatch(e -> e.startsWith("callEnd"));
        time.advance(Duration.ofSeconds(2));
        o.streamEnded(stream, start, TokenUsage.of(5, 7));

        assertThat(events.events).last().isEqualTo("callEnd 12 PT2S");
    }

    @Test
    void throwingListenerDoesNotBreakTheCall() {
        GroqListener angry = new GroqListener() {
            @Override public void callStart(dev.groqj.observability.CallInfo c) {
                throw new IllegalStateException("listener bug");
            }

            @Override public void retryScheduled(dev.groqj.observability.CallInfo c, int a, Duration d, GroqException e) {
                throw new IllegalStateException("listener bug");
            }
        };
        Scripted attempt = new Scripted(Errors.status5xx(503));

        String result = rig.orchestrator().listener(angry).build().execute(call, attempt);

        assertThat(result).isEqualTo("ok");
        assertThat(attempt.calls).hasValue(2);
    }

    @Test
    void errorsWithoutHeadersUseTheExceptionsRetryAfter() {
        RateLimitException e = new RateLimitException(Errors.details(429), Duration.ofSeconds(3), RateLimitStatus.UNKNOWN);
        rig.orchestrator().build().execute(call, new Scripted(e));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(e.headers().isEmpty()).isTrue();
    }
}
