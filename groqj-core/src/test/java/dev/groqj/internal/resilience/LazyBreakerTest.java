package dev.groqj.internal.resilience;

import dev.groqj.error.ApiException;
import dev.groqj.error.ServerException;
import dev.groqj.resilience.CircuitBreakerConfig;
import dev.groqj.transport.Headers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LazyBreakerTest {
    private static final long FAST = Duration.ofMillis(5).toNanos();
    private static final long SLOW = Breakers.SLOW_CALL.plusSeconds(1).toNanos();
    private static final ServerException FAILURE = new ServerException(
            new ApiException.ErrorDetails(503, "busy", null, null, null, null, null, null, Headers.EMPTY));

    private final Clock clock = Clock.systemUTC();
    private final List<CircuitBreaker> created = new ArrayList<>();
    private final CircuitBreakerConfig fourCalls = CircuitBreakerConfig.builder()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10)).permittedNumberOfCallsInHalfOpenState(1).build();

    private LazyBreaker lazy(CircuitBreakerConfig config) {
        return new LazyBreaker(config, "groq", clock, created::add);
    }

    @Test
    void successesAloneNeverCreateTheBreaker() {
        LazyBreaker breaker = lazy(fourCalls);

        for (int i = 0; i < 100; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onSuccess(FAST);
        }
        breaker.releasePermission();

        assertThat(created).isEmpty();
    }

    @Test
    void opensAfterTheConfiguredFailuresCountingTheSuccessesBefore() {
        LazyBreaker breaker = lazy(fourCalls);
        for (int i = 0; i < 3; i++) breaker.onSuccess(FAST);

        breaker.onError(FAST, FAILURE);          // S S S F: 25 %
        assertThat(created).hasSize(1);
        assertThat(breaker.get().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onError(FAST, FAILURE);          // S S F F: 50 %

        assertThat(breaker.get().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(created).hasSize(1);
    }

    @Test
    void slowSuccessesCountAsSlowCallsAsTheyWouldUpFront() {
        LazyBreaker breaker = lazy(fourCalls);
        for (int i = 0; i < 4; i++) breaker.onSuccess(SLOW);

        assertThat(created).hasSize(1);
        assertThat(breaker.get().getMetrics().getNumberOfSlowSuccessfulCalls()).isEqualTo(4);
        assertThat(breaker.get().getState()).isEqualTo(CircuitBreaker.State.OPEN)
                .isEqualTo(eager(fourCalls, new long[]{SLOW, SLOW, SLOW, SLOW}).getState());
    }

    /** Any sequence of outcomes leaves the lazy breaker as a breaker created up front would be. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void behavesAsTheBreakerCreatedUpFront(long seed) {
        Random random = new Random(seed);
        CircuitBreakerConfig config = CircuitBreakerConfig.builder().slidingWindowSize(2 + random.nextInt(8))
                .minimumNumberOfCalls(1 + random.nextInt(6)).failureRateThreshold(10 + random.nextInt(80)).build();
        long[] outcomes = new long[40];   // > 0: a success of that many ns, < 0: a failure
        int firstFailure = random.nextInt(30);
        for (int i = 0; i < outcomes.length; i++) {
            boolean fails = i >= firstFailure && random.nextInt(3) == 0;
            long duration = random.nextInt(10) == 0 ? SLOW : FAST;
            outcomes[i] = fails ? -duration : duration;
        }
        LazyBreaker breaker = lazy(config);
        CircuitBreaker eager = eager(config, outcomes);
        for (long o : outcomes) {
            if (!breaker.tryAcquirePermission()) continue;
            if (o > 0) breaker.onSuccess(o);
            else breaker.onError(-o, FAILURE);
        }

        CircuitBreaker lazy = breaker.get();
        assertThat(lazy.getState()).isEqualTo(eager.getState());
        assertThat(lazy.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(eager.getMetrics().getNumberOfSuccessfulCalls());
        assertThat(lazy.getMetrics().getNumberOfFailedCalls()).isEqualTo(eager.getMetrics().getNumberOfFailedCalls());
        assertThat(lazy.getMetrics().getNumberOfSlowCalls()).isEqualTo(eager.getMetrics().getNumberOfSlowCalls());
        assertThat(lazy.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(eager.getMetrics().getNumberOfNotPermittedCalls());
    }

    private CircuitBreaker eager(CircuitBreakerConfig config, long[] outcomes) {
        CircuitBreaker eager = Breakers.of(config, "eager", clock);
        for (long o : outcomes) {
            if (!eager.tryAcquirePermission()) continue;
            if (o > 0) eager.onSuccess(o, TimeUnit.NANOSECONDS);
            else eager.onError(-o, TimeUnit.NANOSECONDS, FAILURE);
        }
        return eager;
    }

    @Test
    void noSuccessIsLostWhileTheBreakerIsCreatedUnderLoad() throws Exception {
        CircuitBreakerConfig wide = CircuitBreakerConfig.builder().slidingWindowSize(10_000)
                .minimumNumberOfCalls(10_000).build();
        LazyBreaker breaker = lazy(wide);
        int threads = 4;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) breaker.onSuccess(FAST);
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) breaker.onError(FAST, FAILURE);
                return null;
            }));
            start.countDown();
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).hasSize(1);
        assertThat(breaker.get().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(threads * perThread);
        assertThat(breaker.get().getMetrics().getNumberOfFailedCalls()).isEqualTo(10);
    }

    @Test
    void aGivenBreakerIsUsedAndWatchedFromTheStart() {
        CircuitBreaker given = CircuitBreaker.ofDefaults("mine");

        LazyBreaker breaker = new LazyBreaker(given, created::add);
        breaker.onSuccess(FAST);

        assertThat(created).containsExactly(given);
        assertThat(breaker.get()).isSameAs(given);
        assertThat(given.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }
}
