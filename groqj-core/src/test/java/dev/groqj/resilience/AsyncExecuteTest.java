package dev.groqj.resilience;

import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.error.CircuitOpenException;
import dev.groqj.error.GroqException;
import dev.groqj.error.ServerException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncExecuteTest {
    private final Rig rig = new Rig();
    private final FakeTime time = rig.time;
    private final RecordingListener events = rig.events;
    private final CallInfo call = CallInfo.builder("chat.create", "POST", "/chat/completions").build();


    private static Throwable failureOf(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void retriesWithScheduledDelaysAndNeverSleeps() {
        Scripted attempt = new Scripted(Errors.status5xx(503), Errors.status429("retry-after", "2"));

        CompletableFuture<String> result = rig.orchestrator().build()
                .executeAsync(call, attempt.async(), r -> TokenUsage.of(3, 4));

        assertThat(result).isCompletedWithValue("ok");
        assertThat(attempt.calls).hasValue(3);
        assertThat(time.delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(2));
        assertThat(time.sleeps).isEmpty();
        assertThat(events.events).containsExactly("callStart chat.create",
                "attemptStart 1", "retryScheduled 1 PT0.5S 503",
                "attemptStart 2", "retryScheduled 2 PT2S 429",
                "attemptStart 3", "callEnd 7 PT2.5S");
    }

    @Test
    void endsWithTheLastError() {
        List<ServerException> thrown = new ArrayList<>();
        CompletableFuture<String> result = rig.orchestrator().build().executeAsync(call, () -> {
            ServerException e = Errors.status5xx(500);
            thrown.add(e);
            return CompletableFuture.failedFuture(e);
        });

        assertThat(failureOf(result)).isSameAs(thrown.get(3));
        assertThat(thrown).hasSize(4);
        assertThat(events.events).last().asString().startsWith("callFailed ServerException 500");
    }

    @Test
    void attemptThatThrowsInsteadOfFailingItsFutureIsRetriedToo() {
        Scripted attempt = new Scripted(Errors.status498());

        CompletableFuture<String> result = rig.orchestrator().build()
                .executeAsync(call, () -> CompletableFuture.completedFuture(attempt.get()));

        assertThat(result).isCompletedWithValue("ok");
        assertThat(attempt.calls).hasValue(2);
    }

    @Test
    void rateLimitWaitIsScheduled() {
        ResilienceOrchestrator o = rig.orchestrator().build();
        o.rateLimitManager().update(Headers.ofPairs("x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "1.5s"));

        assertThat(o.executeAsync(call, new Scripted().async())).isCompletedWithValue("ok");
        assertThat(time.delays).containsExactly(Duration.ofMillis(1500));
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void openCircuitFailsTheFutureUnsent() {
        ResilienceOrchestrator o = rig.orchestrator().circuitBreakerConfig(CircuitBreakerConfig.DEFAULT).build();
        o.circuitBreaker().transitionToOpenState();
        Scripted attempt = new Scripted();

        assertThat(failureOf(o.executeAsync(call, attempt.async()))).isInstanceOf(CircuitOpenException.class);
        assertThat(attempt.calls).hasValue(0);
    }

    @Test
    void cancellingStopsRetrying() {
        List<CompletableFuture<Void>> timers = new ArrayList<>();
        ResilienceOrchestrator o = rig.orchestrator().delayScheduler(delay -> {
            CompletableFuture<Void> timer = new CompletableFuture<>();
            timers.add(timer);
            return timer;
        }).build();
        Scripted attempt = new Scripted(Errors.status5xx(503));

        CompletableFuture<String> result = o.executeAsync(call, attempt.async());
        result.cancel(true);
        timers.get(0).complete(null);

        assertThat(attempt.calls).hasValue(1);
        assertThat(result).isCancelled();
        assertThat(events.events).last().asString().startsWith("callFailed CancelledException 0");
    }

    @Test
    void cancellingCancelsTheAttemptInFlight() {
        CompletableFuture<String> inFlight = new CompletableFuture<>();

        CompletableFuture<String> result = rig.orchestrator().build().executeAsync(call, () -> inFlight);
        result.cancel(true);

        assertThat(inFlight).isCancelled();
        assertThat(events.events).last().asString().startsWith("callFailed CancelledException 0");
    }

    @Test
    void throwingListenerDoesNotBreakTheCall() {
        AtomicInteger heard = new AtomicInteger();
        GroqListener angry = new GroqListener() {
            @Override public void attemptStart(CallInfo c, int attempt) {
                heard.incrementAndGet();
                throw new IllegalStateException("listener bug");
            }

            @Override public void callEnd(CallInfo c, TokenUsage usage, Duration duration) {
                throw new IllegalStateException("listener bug");
            }
        };
        Scripted attempt = new Scripted(Errors.status5xx(502));

        CompletableFuture<String> result = rig.orchestrator().listener(angry).build().executeAsync(call, attempt.async());

        assertThat(result).isCompletedWithValue("ok");
        assertThat(heard).hasValue(2);
    }

    @Test
    void systemSchedulerCompletesWithoutBlockingTheCaller() throws Exception {
        ResilienceOrchestrator o = ResilienceOrchestrator.builder()
                .retryConfig(RetryConfig.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build())
                .sleeper(d -> {
                    throw new AssertionError("async must not sleep");
                })
                .build();
        Scripted attempt = new Scripted(Errors.status5xx(503));

        assertThat(o.executeAsync(call, attempt.async()).get(5, TimeUnit.SECONDS)).isEqualTo("ok");
    }

    @Test
    void failureWrappedInCompletionExceptionIsUnwrapped() {
        GroqException e = Errors.status5xx(503, "x-should-retry", "false");
        CompletableFuture<String> failed = CompletableFuture.<String>completedFuture("x").thenApply(v -> {
            throw e;
        });

        assertThat(failureOf(rig.orchestrator().build().executeAsync(call, () -> failed))).isSameAs(e);
    }
}
