package dev.groqj.internal.resilience;

import dev.groqj.resilience.FakeTime;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.RateLimitStore;
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
    private static final String MODEL = "llama-3.3-70b-versatile";
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
    void usedUpRequestsPerDayAreRefusedNeverWaitedSayingWhenTheyComeBack() {
        limits.update(MODEL, Headers.ofPairs("x-ratelimit-limit-requests", "14400",
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "23h59m54s"));
        time.advance(Duration.ofSeconds(2));

        assertThat(limits.nextWait(MODEL, 0)).isEmpty();
        assertThat(limits.refusal(MODEL)).hasValueSatisfying(r -> {
            // the day refills continuously: one request of 14,400 comes back after a 14,400th of the reset
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(86_394).dividedBy(14_400).minusSeconds(2));
            assertThat(r.message()).contains("requests per day for " + MODEL, "limit 14400",
                    "full again in PT23H59M52S");
        });
        assertThat(limits.isRateLimited(MODEL)).isTrue();

        time.advance(Duration.ofSeconds(4));
        assertThat(limits.refusal(MODEL)).isEmpty();
        assertThat(limits.isRateLimited(MODEL)).isFalse();
        assertThat(limits.status(MODEL).isRateLimited()).isTrue(); // as of the last answer
    }

    @Test
    void noTokensLeftAndNoEstimateWaitsForTheWholeReset() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "6000", "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "2m59.56s"));
        assertThat(limits.nextWait(null, 0)).contains(
                new RateLimitManager.Wait(Duration.ofMillis(179_560), WaitReason.TOKENS_EXHAUSTED, true));
    }

    @Test
    void anEstimateThatDoesNotFitWaitsForItsShareOfTheRefillAtMostTheReset() {
        // 4,000 tokens used, back in 40 s: 100 a second
        limits.update(MODEL, Headers.ofPairs("x-ratelimit-limit-tokens", "6000", "x-ratelimit-remaining-tokens", "2000",
                "x-ratelimit-reset-tokens", "40s"));

        assertThat(limits.nextWait(MODEL, 2000)).isEmpty();
        assertThat(limits.nextWait(MODEL, 2500)).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(5), WaitReason.TOKENS_EXHAUSTED, true));
        assertThat(limits.nextWait(MODEL, 6000)).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(40), WaitReason.TOKENS_EXHAUSTED, true));
        assertThat(limits.nextWait(MODEL, 6001)).as("fits no window: Groq's 413 says by how much").isEmpty();
        time.advance(Duration.ofSeconds(3));
        assertThat(limits.nextWait(MODEL, 2500)).hasValueSatisfying(
                w -> assertThat(w.duration()).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void belowTenPercentOfTheTokensThrottlesHalfTheReset() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "99",
                "x-ratelimit-reset-tokens", "10s"));
        assertThat(limits.nextWait(null, 10)).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(5), WaitReason.TOKENS_THROTTLED, false));
        assertThat(limits.isRateLimited()).isFalse();

        time.advance(Duration.ofSeconds(4));
        assertThat(limits.shouldWait()).contains(Duration.ofSeconds(1));
    }

    @Test
    void requestsPerDayAreNeverThrottled() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-requests", "1000", "x-ratelimit-remaining-requests", "1",
                "x-ratelimit-reset-requests", "23h"));
        assertThat(limits.shouldWait()).isEmpty();
        assertThat(limits.refusal(null)).isEmpty();
    }

    @Test
    void eachModelHasItsOwnState() {
        limits.update("a", Headers.ofPairs("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "3s"));
        limits.update("b", Headers.ofPairs("x-ratelimit-remaining-tokens", "500", "x-ratelimit-reset-tokens", "1s"));
        limits.onRetryAfter("c", Duration.ofSeconds(9));

        assertThat(limits.nextWait("a", 0)).hasValueSatisfying(w -> assertThat(w.duration()).hasSeconds(3));
        assertThat(limits.nextWait("b", 0)).isEmpty();
        assertThat(limits.nextWait("c", 0)).hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo(WaitReason.RETRY_AFTER));
        assertThat(limits.nextWait("d", 0)).isEmpty();
        assertThat(limits.status()).isEqualTo(limits.status("b")); // the last answer, of any model
        assertThat(limits.statusByModel()).containsOnlyKeys("a", "b");
        assertThat(limits.status("d")).isEqualTo(RateLimitStatus.UNKNOWN);
    }

    @Test
    void proactiveThrottlingOffActsOnRetryAfterOnly() {
        RateLimitManager off = new RateLimitManager(time, Duration.ofSeconds(60), false, RateLimitStore.local());
        off.update(MODEL, Headers.ofPairs("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1h",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "5s"));
        assertThat(off.refusal(MODEL)).isEmpty();
        assertThat(off.nextWait(MODEL, 100)).isEmpty();
        assertThat(off.status(MODEL).isRateLimited()).isTrue(); // still reported

        off.onRetryAfter(MODEL, Duration.ofSeconds(2));
        assertThat(off.nextWait(MODEL, 100)).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(2), WaitReason.RETRY_AFTER, true));
    }

    @Test
    void whatASharingStoreHeardCountsAsIfHeardHere() {
        SharingStore store = new SharingStore();
        RateLimitManager here = new RateLimitManager(time, Duration.ofSeconds(60), true, store);
        RateLimitManager there = new RateLimitManager(time, Duration.ofSeconds(60), true, store);

        there.update(MODEL, Headers.ofPairs("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "4s"));
        assertThat(here.nextWait(MODEL, 0)).hasValueSatisfying(w -> assertThat(w.duration()).hasSeconds(4));
        assertThat(here.status(MODEL).tokensRemaining()).isZero();

        there.onRetryAfter("other", Duration.ofDays(1)); // shared for at most the memory
        assertThat(here.nextWait("other", 0)).hasValueSatisfying(w -> assertThat(w.duration()).hasSeconds(60));
    }

    /** A store shared in memory, as Redis is across JVMs. */
    private static final class SharingStore implements RateLimitStore {
        private final java.util.Map<String, RateLimitStatus> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<String, java.time.Instant> retries = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public dev.groqj.resilience.BudgetBucket bucket(String name, long perMinute, java.time.Clock clock) {
            return RateLimitStore.local().bucket(name, perMinute, clock);
        }

        @Override
        public void learned(String model, RateLimitStatus status) {
            statuses.put(model, status);
        }

        @Override
        public void retryAfter(String model, java.time.Instant until) {
            retries.merge(model, until, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public Shared shared(String model) {
            return new Shared(statuses.get(model), retries.get(model));
        }
    }

    @Test
    void exactlyTenPercentIsNotThrottled() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "3000",
                "x-ratelimit-reset-tokens", "6s"));
        assertThat(limits.shouldWait()).isEmpty();
    }

    @Test
    void theLongestApplicableWaitWins() {
        limits.update(Headers.ofPairs("x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "0",
                "x-ratelimit-reset-tokens", "3s"));
        limits.onRetryAfter(Duration.ofSeconds(5));
        assertThat(limits.nextWait(null, 0)).contains(
                new RateLimitManager.Wait(Duration.ofSeconds(5), WaitReason.RETRY_AFTER, true));
    }

    @Test
    void retryAfterHoldsEveryRequestBack() {
        limits.onRetryAfter(Duration.ofSeconds(3));
        limits.onRetryAfter(Duration.ofSeconds(1)); // a shorter one does not shorten it
        assertThat(limits.nextWait(null, 0)).contains(
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
        assertThat(limits.nextWait(null, 0)).hasValueSatisfying(w -> assertThat(w.duration()).isEqualTo(GoDuration.MAX));

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
