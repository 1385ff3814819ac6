package dev.groqj.resilience;

import dev.groqj.internal.resilience.GoDuration;
import dev.groqj.internal.resilience.RateLimitManager;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.error.ApiException;
import dev.groqj.error.BudgetExceededException;
import dev.groqj.error.GroqException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.ServerException;
import dev.groqj.error.ValidationException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.TokenUsage;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Waits before sending: Groq's rate-limit headers and the client-side budget. */
class RateLimitWaitTest {
    private final Rig rig = new Rig();
    private final FakeTime time = rig.time;
    private final RecordingListener events = rig.events;
    private final RateLimitManager limits = new RateLimitManager(time);
    private final CallInfo call = CallInfo.builder("chat.create", "POST", "/chat/completions").build();

    private ResilienceOrchestrator.Builder orchestrator() {
        return rig.orchestrator().rateLimitManager(limits);
    }

    private static CallInfo estimating(long tokens) {
        return CallInfo.builder("chat.create", "POST", "/chat/completions").estimatedTokens(tokens).build();
    }

    @Test
    void proactiveThrottleWaitsHalfTheResetBelowTenPercent() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "2999",
                "x-ratelimit-reset-tokens", "7.66s"));
        Scripted attempt = new Scripted();

        orchestrator().build().execute(call, attempt);

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(3830));
        assertThat(events.events).containsExactly("callStart chat.create",
                "rateLimitWait PT3.83S TOKENS_THROTTLED", "attemptStart 1", "callEnd - PT3.83S");
    }

    @Test
    void proactiveThrottleLongerThanTheCapIsCutToIt() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "100", "x-ratelimit-remaining-tokens", "1",
                "x-ratelimit-reset-tokens", "1h"));

        orchestrator().build().execute(call, new Scripted());

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void exhaustedTokensWaitForTheResetMinusTheTimeSinceTheAnswer() {
        limits.update(Headers.ofPairs("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "7.66s"));
        time.advance(Duration.ofSeconds(2));

        orchestrator().build().execute(call, new Scripted());

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(5660));
        assertThat(events.events).contains("rateLimitWait PT5.66S TOKENS_EXHAUSTED");
    }

    @Test
    void usedUpRequestsPerDayFailAtOnceUnsentSayingWhenTheyReset() {
        limits.update(Headers.ofPairs("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2h22m12.864s"));
        Scripted attempt = new Scripted();

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> orchestrator().build().execute(call, attempt));

        assertThat(attempt.calls).hasValue(0);
        assertThat(e.statusCode()).isZero();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(8_532_864));
        assertThat(e).hasMessageContaining("requests per day are used up").hasMessageContaining("full again in PT2H22M12.864S");
        assertThat(e.rateLimitStatus().requestsRemaining()).isZero();
        assertThat(time.sleeps).isEmpty();
        assertThat(events.events).anyMatch(event -> event.startsWith("callFailed RateLimitException 0"));
    }

    @Test
    void usedUpRequestsPerDayFailAtOnceEvenWhenOneComesBackSoon() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-requests", "1000", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "1m"));

        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> orchestrator().build().execute(call, new Scripted()));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(60));
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void tokensThatDoNotFitWaitForTheRefillOfTheCallsModelOnly() {
        CallInfo big = CallInfo.builder("chat.create", "POST", "/chat/completions").model("a").estimatedTokens(700).build();
        limits.update("a", Headers.ofPairs("x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "500",
                "x-ratelimit-reset-tokens", "30s"));
        ResilienceOrchestrator o = orchestrator().build();

        o.execute(big.toBuilder().model("b").build(), new Scripted());
        assertThat(time.sleeps).as("another model's limits do not hold it back").isEmpty();
        o.execute(big, new Scripted());

        // 500 tokens come back in 30 s; the 200 missing in 12 s
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(12));
        assertThat(events.events).contains("rateLimitWait PT12S TOKENS_EXHAUSTED");
    }

    @Test
    void proactiveThrottlingOffSendsDespiteTheHeaders() {
        RateLimitManager off = new RateLimitManager(time, Duration.ofSeconds(60), false, RateLimitStore.local());
        off.update(Headers.ofPairs("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "3h",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "30s"));
        Scripted attempt = new Scripted();

        rig.orchestrator().rateLimitManager(off).build().execute(call, attempt);

        assertThat(attempt.calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void aStoreThatCannotBeReachedFailsTheCallUnsentWithItsError() {
        GroqException down = new GroqException("store down");
        java.util.concurrent.atomic.AtomicBoolean reachable = new java.util.concurrent.atomic.AtomicBoolean();
        RateLimitStore failing = new RateLimitStore() {
            @Override
            public BudgetBucket bucket(String name, long perMinute, java.time.Clock clock) {
                return RateLimitStore.local().bucket(name, perMinute, clock);
            }

            @Override
            public Shared shared(String model) {
                if (!reachable.get()) throw down;
                return null;
            }
        };
        ResilienceOrchestrator o = rig.orchestrator()
                .rateLimitManager(new RateLimitManager(time, Duration.ofSeconds(60), true, failing)).build();
        Scripted attempt = new Scripted();

        assertThat(catchThrowable(() -> o.execute(call, attempt))).isSameAs(down);
        assertThat(attempt.calls).hasValue(0);
        assertThat(events.events).anyMatch(event -> event.startsWith("callFailed GroqException 0"));
        reachable.set(true);
        assertThat(o.execute(call, new Scripted())).isEqualTo("ok");
    }

    @Test
    void hugeRetryAfterFailsAtOnceAndHoldsLaterCallsBackForAtMostMaxRetryAfter() {
        RateLimitException hostile = Errors.status429("retry-after", "10000000000");
        ResilienceOrchestrator o = orchestrator().build();

        assertThat(catchThrowable(() -> o.execute(call, new Scripted(hostile)))).isSameAs(hostile);
        Scripted refused = new Scripted();
        RateLimitException remembered = catchThrowableOfType(RateLimitException.class, () -> o.execute(call, refused));
        assertThat(remembered.statusCode()).isZero();
        assertThat(remembered.retryAfter()).isEqualTo(GoDuration.MAX);
        assertThat(refused.calls).as("refused unsent while remembered").hasValue(0);

        time.advance(RetryConfig.DEFAULT.maxRetryAfter());
        Scripted later = new Scripted();
        assertThat(o.execute(call, later)).isEqualTo("ok");
        assertThat(later.calls).hasValue(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void hugeExhaustedResetNeverSleepsAndIsForgottenAfterMaxRetryAfter() {
        limits.update(Headers.ofPairs("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "99999999999999h"));
        ResilienceOrchestrator o = orchestrator().build();

        assertThatThrownBy(() -> o.execute(call, new Scripted())).isInstanceOf(RateLimitException.class);
        time.advance(Duration.ofSeconds(60));

        assertThat(o.execute(call, new Scripted())).isEqualTo("ok");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void retryBlockedByAnExhaustedLimitEndsWithTheLastError() {
        ServerException error = Errors.status5xx(503);
        AtomicInteger calls = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> orchestrator().build().execute(call, () -> {
            calls.incrementAndGet();
            // what the pipeline does with every answer: here the 503 also says the day's requests are gone
            limits.update(Headers.ofPairs("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "3h"));
            throw error;
        }));

        assertThat(thrown).isSameAs(error);
        assertThat(calls).hasValue(1);
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(RateLimitException.class);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void rateLimitWaitPastTheDeadlineFailsUnsent() {
        limits.update(Headers.ofPairs("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "30s"));
        Scripted attempt = new Scripted();
        CallInfo hurried = call.toBuilder().deadline(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> orchestrator().build().execute(hurried, attempt))
                .isInstanceOf(RateLimitException.class).hasMessageContaining("deadline");
        assertThat(attempt.calls).hasValue(0);
    }

    @Test
    void budgetWaitsForRoomWhenAllowedTo() {
        ResilienceOrchestrator o = orchestrator().rateLimitConfig(RateLimitConfig.builder()
                .requestsPerMinute(2).waitUpTo(Duration.ofMinutes(1)).build()).build();

        o.execute(call, new Scripted());
        o.execute(call, new Scripted());
        o.execute(call, new Scripted());

        // two requests a minute refill one every 30 s
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
        assertThat(events.events).contains("rateLimitWait PT30S CLIENT_BUDGET");
    }

    @Test
    void budgetWaitLongerThanMaxWaitFails() {
        ResilienceOrchestrator o = orchestrator().rateLimitConfig(RateLimitConfig.builder()
                .requestsPerMinute(1).waitUpTo(Duration.ofSeconds(10)).build()).build();
        o.execute(call, new Scripted());
        Scripted second = new Scripted();

        BudgetExceededException e = catchThrowableOfType(BudgetExceededException.class, () -> o.execute(call, second));

        assertThat(second.calls).hasValue(0);
        assertThat(e.statusCode()).isZero();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void budgetFailFastThrowsBudgetExceededWithRetryAfter() {
        ResilienceOrchestrator o = orchestrator()
                .rateLimitConfig(RateLimitConfig.builder().tokensPerMinute(1000).failFast().build()).build();
        o.execute(estimating(600), new Scripted());
        time.advance(Duration.ofSeconds(6)); // 100 tokens refilled: 500 available
        Scripted attempt = new Scripted();

        BudgetExceededException e = catchThrowableOfType(BudgetExceededException.class,
                () -> o.execute(estimating(800), attempt));

        assertThat(attempt.calls).hasValue(0);
        assertThat(e).isNotInstanceOf(ApiException.class);
        assertThat(e.statusCode()).isZero();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(18)); // 300 more tokens at 1000/min
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void actualUsageCorrectsTheEstimate() {
        ResilienceOrchestrator o = orchestrator()
                .rateLimitConfig(RateLimitConfig.builder().tokensPerMinute(1000).failFast().build()).build();

        o.execute(estimating(500), () -> "ok", r -> TokenUsage.of(60, 40));

        // 900 remain because only 100 were used; without the correction 500 would remain
        assertThat(o.execute(estimating(900), new Scripted())).isEqualTo("ok");
        assertThatThrownBy(() -> o.execute(estimating(1), new Scripted())).isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void usageAboveTheEstimateIsTakenToo() {
        ResilienceOrchestrator o = orchestrator()
                .rateLimitConfig(RateLimitConfig.builder().tokensPerMinute(1000).failFast().build()).build();

        o.execute(estimating(100), () -> "ok", r -> TokenUsage.of(700, 200));

        assertThatThrownBy(() -> o.execute(estimating(101), new Scripted())).isInstanceOf(BudgetExceededException.class);
        assertThat(o.execute(estimating(100), new Scripted())).isEqualTo("ok");
    }

    @Test
    void estimateLargerThanTheWholeBudgetNeverFits() {
        ResilienceOrchestrator o = orchestrator()
                .rateLimitConfig(RateLimitConfig.builder().tokensPerMinute(1000).build()).build();

        BudgetExceededException e = catchThrowableOfType(BudgetExceededException.class,
                () -> o.execute(estimating(1001), new Scripted()));

        assertThat(e.retryAfter()).isNull();
        assertThat(e).hasMessageContaining("exceeds tokensPerMinute");
    }

    @Test
    void refusedTokensGiveTheRequestBack() {
        ResilienceOrchestrator o = orchestrator().rateLimitConfig(RateLimitConfig.builder()
                .requestsPerMinute(1).tokensPerMinute(100).failFast().build()).build();

        assertThatThrownBy(() -> o.execute(estimating(101), new Scripted())).isInstanceOf(BudgetExceededException.class);
        assertThat(o.execute(estimating(100), new Scripted())).isEqualTo("ok");
    }

    @Test
    void budgetNeedsALimit() {
        assertThatThrownBy(() -> RateLimitConfig.builder().build())
                .isInstanceOf(ValidationException.class).extracting("param").isEqualTo("requestsPerMinute");
    }
}
