package dev.groqj.internal.resilience;

import dev.groqj.resilience.FakeTime;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.internal.resilience.GoDuration;
import dev.groqj.internal.resilience.RateLimitManager;
import dev.groqj.Fixtures;
import dev.groqj.observability.WaitReason;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitManagerTest {
    private final FakeTime time = new FakeTime();
    private final RateLimitManager limits = new RateLimitManager(time);

    /** The response headers of the first interaction of a recorded cassette. */
    private static Headers recordedResponseHeaders(String cassette) {
        return Fixtures.cassette("recorded/openllmetry/test_chat_tracing/" + cassette).get(0).responseHeaders();
    }

    @Test
    void readsRecordedGroqRateLimitHeaders() throws IOException {
        limits.update(recordedResponseHeaders("test_chat_legacy.yaml"));

        RateLimitStatus s = limits.status();
        assertThat(s.requestsLimit()).isEqualTo(14400);
        assertThat(s.requestsRemaining()).isEqualTo(14398);
        assertThat(s.requestsReset()).isEqualTo(Duration.ofNanos(10_332_999_999L));
        assertThat(s.tokensLimit()).isEqualTo(30000);
        assertThat(s.tokensRemaining()).isEqualTo(29987);
        assertThat(s.tokensReset()).isEqualTo(Duration.ofMillis(26));
        assertThat(s.updatedAt()).isEqualTo(FakeTime.START);
        assertThat(s.isRateLimited()).isFalse();
        assertThat(limits.shouldWait()).isEmpty();
    }

    @Test
    void beforeAnyAnswerTheStatusIsUnknownAndNothingWaits() {
        assertThat(limits.status()).isEqualTo(RateLimitStatus.UNKNOWN);
        assertThat(limits.shouldWait()).isEmpty();
        assertThat(limits.isRateLimited()).isFalse();
    }

    @Test
    void answerWithoutRateLimitHeadersChangesNothing() {
        limits.update(Headers.ofPairs("x-ratelimit-remaining-requests", "5"));
        RateLimitStatus before = limits.status();
        time.advance(Duration.ofSeconds(1));

        limits.update(Headers.ofPairs("content-type", "application/json"));

        assertThat(limits.status()).isSameAs(before);
    }

    @Test
    void absentHeadersKeepTheirValueAndGarbageBecomesNull() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-requests", "100", "x-ratelimit-reset-tokens", "1s"));
        limits.update(Headers.ofPairs("x-ratelimit-remaining-requests", "lots", "x-ratelimit-reset-tokens", "soon"));

        assertThat(limits.status().requestsLimit()).isEqualTo(100);
        assertThat(limits.status().requestsRemaining()).isNull();
        assertThat(limits.status().tokensReset()).isNull();
    }

    @Test
    void exhaustedRequestsWaitForTheResetMinusTimeElapsed() {
        limits.update(Headers.ofPairs("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "7.66s"));
        assertThat(limits.shouldWait()).contains(Duration.ofMillis(7660));
        assertThat(limits.isRateLimited()).isTrue();

        time.advance(Duration.ofSeconds(2));
        assertThat(limits.nextWait()).contains(
                new RateLimitManager.Wait(Duration.ofMillis(5660), WaitReason.REQUESTS_EXHAUSTED, true));

        time.advance(Duration.ofSeconds(6));
        assertThat(limits.shouldWait()).isEmpty();
        assertThat(limits.isRateLimited()).isFalse();
        assertThat(limits.status().isRateLimited()).isTrue(); // as of the last answer
    }

    @Test
    void exhaustedTokensWaitToo() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "6000", "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "2m59.56s"));
        assertThat(limits.nextWait()).contains(
                new RateLimitManager.Wait(Duration.ofMillis(179_560), WaitReason.TOKENS_EXHAUSTED, true));
    }

    @Test
    void belowTenPercentThrottlesHalfTheReset() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-requests", "100", "x-ratelimit-remaining-requests", "9",
                "x-ratelimit-reset-requests", "10s"));
        assertThat(limits.nextWait()).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(5), WaitReason.REQUESTS_THROTTLED, false));
        assertThat(limits.isRateLimited()).isFalse();

        time.advance(Duration.ofSeconds(4));
        assertThat(limits.shouldWait()).contains(Duration.ofSeconds(1));
    }

    @Test
    void exactlyTenPercentIsNotThrottled() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "3000",
                "x-ratelimit-reset-tokens", "6s"));
        assertThat(limits.shouldWait()).isEmpty();
    }

    @Test
    void theLongestApplicableWaitWins() {
        limits.update(Headers.ofPairs(
                "x-ratelimit-limit-requests", "100", "x-ratelimit-remaining-requests", "1",
                "x-ratelimit-reset-requests", "10s",
                "x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "3s"));
        assertThat(limits.nextWait()).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(5), WaitReason.REQUESTS_THROTTLED, false));
    }

    @Test
    void retryAfterHoldsEveryRequestBack() {
        limits.onRetryAfter(Duration.ofSeconds(3));
        limits.onRetryAfter(Duration.ofSeconds(1)); // a shorter one does not shorten it
        assertThat(limits.nextWait()).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(3), WaitReason.RETRY_AFTER, true));
        time.advance(Duration.ofSeconds(3));
        assertThat(limits.shouldWait()).isEmpty();
    }

    @Test
    void aHugeResetIsRememberedForAtMostTheMemoryThenForgotten() {
        RateLimitManager limits = new RateLimitManager(time, Duration.ofSeconds(60));
        limits.update(Headers.ofPairs("x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "99999999999999h"));
        assertThat(limits.status().requestsReset()).isEqualTo(GoDuration.MAX);
        assertThat(limits.isRateLimited()).isTrue();

        time.advance(Duration.ofSeconds(60));

        assertThat(limits.shouldWait()).isEmpty();
        assertThat(limits.isRateLimited()).isFalse();
    }

    @Test
    void aHugeRetryAfterIsRememberedForAtMostTheMemoryThenForgotten() {
        RateLimitManager limits = new RateLimitManager(time, Duration.ofSeconds(60));
        limits.onRetryAfter(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(limits.nextWait()).hasValueSatisfying(w -> assertThat(w.duration()).isEqualTo(GoDuration.MAX));

        time.advance(Duration.ofSeconds(59));
        assertThat(limits.isRateLimited()).isTrue();
        time.advance(Duration.ofSeconds(1));
        assertThat(limits.shouldWait()).isEmpty();
    }

    @Test
    void waitsWithinTheMemoryAreKeptWhole() {
        RateLimitManager limits = new RateLimitManager(time, Duration.ofSeconds(10));
        limits.onRetryAfter(Duration.ofSeconds(10));
        time.advance(Duration.ofSeconds(9));
        assertThat(limits.shouldWait()).contains(Duration.ofSeconds(1));
    }
}
