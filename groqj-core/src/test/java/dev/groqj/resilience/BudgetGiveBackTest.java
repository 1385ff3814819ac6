package dev.groqj.resilience;

import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.error.BudgetExceededException;
import dev.groqj.error.CancelledException;
import dev.groqj.error.FileSourceException;
import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.RateLimitException;
import dev.groqj.observability.CallInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client budget gives back an attempt's share when the model never ran for it (issue 11, item 12). */
class BudgetGiveBackTest {
    private final Rig rig = new Rig();
    private final FakeTime time = rig.time;

    private ResilienceOrchestrator budgeted(RateLimitConfig budget) {
        return rig.orchestrator().rateLimitConfig(budget).build();
    }

    private static CallInfo once(long estimatedTokens) {
        return CallInfo.builder("chat.create", "POST", "/chat/completions")
                .estimatedTokens(estimatedTokens).maxRetries(0).build();
    }

    private static RateLimitConfig oneRequestAndAThousandTokens() {
        return RateLimitConfig.builder().requestsPerMinute(1).tokensPerMinute(1000).failFast().build();
    }

    private static void fails(ResilienceOrchestrator o, CallInfo call, GroqException error) {
        assertThatThrownBy(() -> o.execute(call, new Scripted(error))).isSameAs(error);
    }

    @Test
    void refusedConnectionGivesTheRequestAndTokensBack() {
        ResilienceOrchestrator o = budgeted(oneRequestAndAThousandTokens());

        fails(o, once(1000), new NetworkException("refused", new ConnectException("Connection refused")));

        assertThat(o.execute(once(1000), new Scripted())).isEqualTo("ok");
    }

    @Test
    void unreadableUploadGivesTheRequestAndTokensBack() {
        ResilienceOrchestrator o = budgeted(oneRequestAndAThousandTokens());

        fails(o, once(1000), new FileSourceException("could not read talk.ogg", new IOException("gone")));

        assertThat(o.execute(once(1000), new Scripted())).isEqualTo("ok");
    }

    @Test
    void http429GivesTheTokensBackButGroqCountedTheRequest() {
        ResilienceOrchestrator o = budgeted(RateLimitConfig.builder()
                .requestsPerMinute(2).tokensPerMinute(1000).failFast().build());

        fails(o, once(1000), Errors.status429());

        assertThat(o.execute(once(1000), new Scripted())).as("the tokens came back").isEqualTo("ok");
        assertThatThrownBy(() -> o.execute(once(0), new Scripted()))
                .as("both requests were spent").isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void serverErrorKeepsTheShareBecauseTheModelMayHaveRun() {
        ResilienceOrchestrator o = budgeted(RateLimitConfig.builder().tokensPerMinute(1000).failFast().build());

        fails(o, once(1000), Errors.status5xx(503));

        assertThatThrownBy(() -> o.execute(once(1), new Scripted())).isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void retriesThatNeverReachedTheModelDoNotDrainTheBudget() {
        ResilienceOrchestrator o = budgeted(RateLimitConfig.builder().tokensPerMinute(1000).failFast().build());
        CallInfo retried = once(1000).toBuilder().maxRetries(3).build();

        String result = o.execute(retried, new Scripted(Errors.status429(), Errors.status429(), Errors.status429()));

        assertThat(result).as("each 429 gave its 1000 tokens back for the next attempt").isEqualTo("ok");
    }

    @Test
    void reservationRefusedByTheDeadlineIsGivenBack() {
        ResilienceOrchestrator o = budgeted(RateLimitConfig.builder()
                .requestsPerMinute(1).waitUpTo(Duration.ofMinutes(1)).build());
        o.execute(once(0), new Scripted());
        CallInfo hurried = once(0).toBuilder().deadline(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> o.execute(hurried, new Scripted())).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("deadline");
        time.advance(Duration.ofMinutes(1));

        assertThat(o.execute(once(0), new Scripted())).isEqualTo("ok");
        assertThat(time.sleeps).as("the refused call's reservation did not push this one back").isEmpty();
    }

    @Test
    void interruptedBudgetWaitIsCancelledAndGivesTheReservationBack() {
        RateLimitConfig budget = RateLimitConfig.builder().requestsPerMinute(1).waitUpTo(Duration.ofMinutes(1)).build();
        ResilienceOrchestrator o = rig.orchestrator().rateLimitConfig(budget).sleeper(d -> {
            throw new InterruptedException();
        }).build();
        o.execute(once(0), new Scripted());
        Scripted waiting = new Scripted();
        try {
            assertThatThrownBy(() -> o.execute(once(0), waiting)).isInstanceOf(CancelledException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        time.advance(Duration.ofMinutes(1));

        assertThat(o.execute(once(0), new Scripted())).as("room again after a minute, not two").isEqualTo("ok");
        assertThat(waiting.calls).hasValue(0);
    }
}
