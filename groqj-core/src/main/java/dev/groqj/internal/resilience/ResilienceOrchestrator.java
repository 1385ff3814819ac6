package dev.groqj.internal.resilience;

import dev.groqj.resilience.CircuitBreakerConfig;
import dev.groqj.resilience.DelayScheduler;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.resilience.RateLimitStore;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.resilience.Sleeper;
import dev.groqj.error.ApiException;
import dev.groqj.error.BudgetExceededException;
import dev.groqj.error.CancelledException;
import dev.groqj.error.CircuitOpenException;
import dev.groqj.error.FileSourceException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.RateLimitException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.CircuitState;
import dev.groqj.observability.GroqListener;
import dev.groqj.observability.TokenUsage;
import dev.groqj.observability.WaitReason;
import dev.groqj.transport.Headers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs each call through the circuit breaker, the rate-limit waits, the client budget and the retry policy
 * (the seed's {@code ResilienceOrchestrator}). The HTTP pipeline hands it one attempt; it decides how often
 * and when that attempt runs.
 *
 * <pre>{@code
 * ResilienceOrchestrator orchestrator = ResilienceOrchestrator.builder()
 *         .retryConfig(RetryConfig.builder().maxRetries(2).build())
 *         .listener(myListener)
 *         .build();
 * ChatCompletion c = orchestrator.execute(call, () -> sendOnce(request), r -> usageOf(r));
 * }</pre>
 *
 * <p>Per attempt: (1) the circuit breaker must permit it, else {@link CircuitOpenException} and nothing is
 * sent; (2) Groq's limits for the call's model ({@link RateLimitManager}): used-up requests per day fail at once
 * with a {@link RateLimitException} of status 0 saying when they come back; a token or retry-after wait is waited
 * out — one longer than {@link RetryConfig#maxRetryAfter()} fails at once the same way, a longer proactive
 * throttle is cut to it; (3) the client budget, if any, is taken or waited for, else
 * {@link dev.groqj.error.BudgetExceededException}, and given back when the model never ran; (4) the
 * attempt runs. A failure is retried when {@link GroqException#isRetryable()}, attempts remain, the server's
 * retry-after is within the cap and the deadline leaves room for the delay ({@link RetryConfig} says which
 * delay). When retries end, the last error is thrown unchanged. The breaker hears of the call once, when it
 * ends (see {@link CircuitBreakerConfig} for what counts).
 *
 * <p>Waits go through the {@link Sleeper} for blocking calls and the {@link DelayScheduler} for async ones,
 * so no thread is held while an async call waits. Events go to the {@link GroqListener}; a listener that
 * throws is logged and ignored. At debug level it logs attempts, statuses, delays and request ids, never
 * headers.
 */
public final class ResilienceOrchestrator {
    private static final Logger LOG = LoggerFactory.getLogger(ResilienceOrchestrator.class);
    /** How early a JDK timeout may fire against the clock: a timeout this close to the deadline is the deadline's. */
    private static final Duration DEADLINE_PRECISION = Duration.ofMillis(50);

    private final RetryConfig retry;
    private final LazyBreaker circuitBreaker;
    private final RateLimitManager rateLimitManager;
    private final RateLimitBudget budget;
    private final Sleeper sleeper;
    private final DelayScheduler scheduler;
    private final Clock clock;
    private final GroqListener listener;
    private volatile Instant circuitOpenedAt = Instant.MIN;

    private ResilienceOrchestrator(Builder b) {
        this.clock = b.clock;
        this.retry = b.retryConfig;
        this.rateLimitManager = b.rateLimitManager != null ? b.rateLimitManager
                : new RateLimitManager(clock, retry.maxRetryAfter(), true, b.rateLimitStore);
        this.budget = b.rateLimitConfig == null ? null : new RateLimitBudget(b.rateLimitConfig, b.rateLimitStore, clock);
        this.sleeper = b.sleeper;
        this.scheduler = b.scheduler;
        this.listener = GroqListener.composite(List.of(b.listener));
        this.circuitBreaker = b.circuitBreaker != null ? new LazyBreaker(b.circuitBreaker, this::watch)
                : new LazyBreaker(b.circuitBreakerConfig, "groq", clock, this::watch);
    }

    /** Follows {@code cb}'s state for the listener and for {@link CircuitOpenException#retryIn()}. */
    private void watch(CircuitBreaker cb) {
        cb.getEventPublisher().onStateTransition(event -> {
            CircuitState from = CircuitState.valueOf(event.getStateTransition().getFromState().name());
            CircuitState to = CircuitState.valueOf(event.getStateTransition().getToState().name());
            if (to == CircuitState.OPEN) circuitOpenedAt = clock.instant();
            LOG.debug("circuit breaker {}: {} -> {}", cb.getName(), from, to);
            listener.circuitStateChanged(from, to);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link #execute(CallInfo, Supplier, Function)} for answers that carry no token usage. */
    public <T> T execute(CallInfo call, Supplier<T> attempt) {
        return execute(call, attempt, result -> null);
    }

    /**
     * Runs {@code attempt} until it succeeds or retrying ends, blocking through waits and backoffs.
     *
     * @param attempt sends the request once and returns the mapped result, or throws a {@link GroqException}
     * @param usage the token usage of a result (null when it has none): reported in {@code callEnd} and used to
     *     correct the client budget. Not called for a {@link CallInfo#streaming()} call, which ends later
     *     through {@link #streamEnded} or {@link #streamFailed}.
     * @throws GroqException the last attempt's error, or {@link CircuitOpenException} / a status-0
     *     {@link RateLimitException} / {@link BudgetExceededException} when the first attempt could not be sent,
     *     or {@link CancelledException} when the thread was interrupted in a wait (its flag set again)
     */
    public <T> T execute(CallInfo call, Supplier<T> attempt, Function<? super T, TokenUsage> usage) {
        Objects.requireNonNull(attempt, "attempt == null");
        Objects.requireNonNull(usage, "usage == null");
        Run run = new Run(call);
        while (true) {
            sleep(run, run.prepare());
            run.sending();
            T result;
            try {
                result = attempt.get();
            } catch (GroqException e) {
                sleep(run, run.failed(e));
                continue;
            } catch (RuntimeException | Error e) {
                run.unexpected(e);
                throw e;
            }
            run.succeeded(result, usage);
            return result;
        }
    }

    /** {@link #executeAsync(CallInfo, Supplier, Function)} for answers that carry no token usage. */
    public <T> CompletableFuture<T> executeAsync(CallInfo call, Supplier<CompletableFuture<T>> attempt) {
        return executeAsync(call, attempt, result -> null);
    }

    /**
     * The async form of {@link #execute(CallInfo, Supplier, Function)}: waits and backoffs are scheduled on
     * the {@link DelayScheduler}, no thread blocks. The returned future fails with the same errors. Cancelling
     * it stops retrying and cancels the attempt in flight (so the pipeline can abort the exchange).
     *
     * @param attempt starts sending the request once; its future completes with the mapped result or fails
     *     with a {@link GroqException} (possibly wrapped in a {@link CompletionException})
     */
    public <T> CompletableFuture<T> executeAsync(CallInfo call, Supplier<CompletableFuture<T>> attempt,
                                                 Function<? super T, TokenUsage> usage) {
        Objects.requireNonNull(attempt, "attempt == null");
        Objects.requireNonNull(usage, "usage == null");
        Run run = new Run(call);
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();
        result.whenComplete((value, error) -> {
            CompletableFuture<T> current = inFlight.get();
            if (result.isCancelled() && current != null) current.cancel(true);
        });
        nextAttemptAsync(run, attempt, usage, result, inFlight);
        return result;
    }

    private <T> void nextAttemptAsync(Run run, Supplier<CompletableFuture<T>> attempt,
                                      Function<? super T, TokenUsage> usage, CompletableFuture<T> result,
                                      AtomicReference<CompletableFuture<T>> inFlight) {
        Duration wait;
        try {
            wait = run.prepare();
        } catch (GroqException end) {
            result.completeExceptionally(end);
            return;
        }
        after(run, wait, result, () -> sendAsync(run, attempt, usage, result, inFlight));
    }

    private <T> void sendAsync(Run run, Supplier<CompletableFuture<T>> attempt, Function<? super T, TokenUsage> usage,
                               CompletableFuture<T> result, AtomicReference<CompletableFuture<T>> inFlight) {
        run.sending();
        CompletableFuture<T> future;
        try {
            future = Objects.requireNonNull(attempt.get(), "attempt returned null");
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        inFlight.set(future);
        if (result.isCancelled()) future.cancel(true);
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                run.succeeded(value, usage);
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(failure);
            if (result.isCancelled() || cause instanceof CancellationException) {
                run.abort(new CancelledException("call cancelled", cause));
                result.cancel(false);
                return;
            }
            if (!(cause instanceof GroqException)) {
                run.unexpected(cause);
                result.completeExceptionally(cause);
                return;
            }
            Duration delay;
            try {
                delay = run.failed((GroqException) cause);
            } catch (GroqException end) {
                result.completeExceptionally(end);
                return;
            }
            after(run, delay, result, () -> nextAttemptAsync(run, attempt, usage, result, inFlight));
        });
    }

    /** Runs {@code next} once {@code delay} has passed, unless the call was cancelled meanwhile. */
    private void after(Run run, Duration delay, CompletableFuture<?> result, Runnable next) {
        CompletableFuture<Void> timer = delay.isZero() ? CompletableFuture.completedFuture(null) : scheduler.delay(delay);
        timer.whenComplete((ignored, failure) -> {
            if (result.isDone()) {
                run.abort(new CancelledException("call cancelled during a wait of " + delay, null));
            } else if (failure != null) {
                result.completeExceptionally(run.abort(new GroqException("could not schedule a wait of " + delay, failure)));
            } else {
                next.run();
            }
        });
    }

    private void sleep(Run run, Duration duration) {
        if (duration.isZero()) return;
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw run.abort(new CancelledException("interrupted while waiting " + duration, e));
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A streaming call's stream ended well: corrects the client budget and reports {@code callEnd}. */
    public void streamEnded(CallInfo call, Instant startedAt, TokenUsage usage) {
        correctBudget(call, usage);
        listener.callEnd(call, usage, Duration.between(startedAt, clock.instant()));
    }

    /** A streaming call's stream failed after it opened (e.g. an {@code event: error}): reports {@code callFailed}. */
    public void streamFailed(CallInfo call, Instant startedAt, GroqException error) {
        listener.callFailed(call, error, Duration.between(startedAt, clock.instant()));
    }

    /** Whether {@code e} shows the request never left: an upload source that failed, or a refused connection. */
    private static boolean neverLeftTheClient(GroqException e) {
        if (e instanceof FileSourceException) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) return true;
        }
        return false;
    }

    private void correctBudget(CallInfo call, TokenUsage usage) {
        if (budget != null && usage != null) budget.correct(call.estimatedTokens(), usage.totalTokens());
    }

    /** The listener to tell what the pipeline sees ({@code requestSent}, {@code responseHeaders}, …); never throws. */
    public GroqListener listener() {
        return listener;
    }

    public RateLimitManager rateLimitManager() {
        return rateLimitManager;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker.get();
    }

    /** The clock waits, deadlines and event durations are measured on; take a streaming call's start from it. */
    public Clock clock() {
        return clock;
    }

    /** The sleeper blocking waits go through; long-running helpers (batch polls) wait through it too. */
    public Sleeper sleeper() {
        return sleeper;
    }

    private CircuitOpenException circuitOpen() {
        CircuitBreaker circuitBreaker = this.circuitBreaker.get();
        Duration retryIn = null;
        if (circuitBreaker.getState() == CircuitBreaker.State.OPEN) {
            long waitMillis = circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
            Duration left = Duration.between(clock.instant(), circuitOpenedAt.plusMillis(waitMillis));
            retryIn = left.isNegative() ? Duration.ZERO : left;
        }
        return new CircuitOpenException("circuit breaker " + circuitBreaker.getName() + " is "
                + circuitBreaker.getState() + (retryIn == null ? "" : "; next probe in " + retryIn), retryIn);
    }

    private RateLimitException clientRateLimit(CallInfo call, String message, Duration retryAfter) {
        return new RateLimitException(new ApiException.ErrorDetails(0, message, null, "rate_limit_exceeded",
                null, null, null, null, Headers.EMPTY), retryAfter, rateLimitManager.status(call.model()));
    }

    /** The state of one call across its attempts. Used by one thread at a time. */
    private final class Run {
        private final CallInfo call;
        private final Instant start;
        private final Instant deadline;
        private final int maxRetries;
        private int attempt;
        private boolean holdsPermission;
        /** Whether the current attempt took from the client budget, and whether it was sent. */
        private boolean holdsBudget;
        private boolean attemptSent;
        private Instant attemptStart;
        private GroqException last;

        Run(CallInfo call) {
            this.call = Objects.requireNonNull(call, "call == null");
            this.start = clock.instant();
            Duration d = call.deadline() != null ? call.deadline() : retry.deadline();
            this.deadline = d == null ? null : start.plus(d);
            this.maxRetries = call.maxRetries() != null ? call.maxRetries() : retry.maxRetries();
            LOG.debug("{} start", call);
            listener.callStart(call);
        }

        /** Before an attempt: circuit permission, rate-limit and budget. Returns how long to wait before sending. */
        Duration prepare() {
            attempt++;
            attemptSent = false;
            if (!circuitBreaker.tryAcquirePermission()) {
                throw giveUp(circuitOpen());
            }
            holdsPermission = true;
            try {
                return waitBeforeSending();
            } catch (GroqException e) {
                throw giveUp(e);
            } catch (RuntimeException e) { // a rate-limit store that failed other than it should
                throw giveUp(new GroqException("rate-limit store failed: " + e, e));
            }
        }

        /**
         * Groq's limits for the call's model, then the client budget: how long to wait, or throws why not to send
         * (the caller ends the call with it).
         */
        private Duration waitBeforeSending() {
            Optional<RateLimitManager.Refusal> refusal = rateLimitManager.refusal(call.model());
            if (refusal.isPresent()) {
                throw clientRateLimit(call, refusal.get().message(), refusal.get().retryAfter());
            }
            Duration wait = Duration.ZERO;
            Optional<RateLimitManager.Wait> limit = rateLimitManager.nextWait(call.model(), call.estimatedTokens());
            if (limit.isPresent()) {
                RateLimitManager.Wait w = limit.get();
                wait = w.duration();
                if (wait.compareTo(retry.maxRetryAfter()) > 0) {
                    if (w.exhausted()) {
                        throw clientRateLimit(call, "Groq rate limit " + w.reason() + ": the wait of " + wait
                                + " is longer than maxRetryAfter " + retry.maxRetryAfter(), wait);
                    }
                    wait = retry.maxRetryAfter();
                }
                LOG.debug("{} attempt {} waits {} ({})", call, attempt, wait, w.reason());
                listener.rateLimitWait(call, wait, w.reason());
            }
            if (budget != null) {
                RateLimitBudget.Grant grant = budget.acquire(call.estimatedTokens());
                if (!grant.granted()) {
                    throw new BudgetExceededException("client-side budget exhausted (" + call.estimatedTokens()
                            + " estimated tokens)" + (grant.delay() == null ? ": the estimate exceeds tokensPerMinute"
                            : "; room in " + grant.delay()), grant.delay());
                }
                holdsBudget = true;
                if (!grant.delay().isZero()) {
                    LOG.debug("{} attempt {} waits {} for the client budget", call, attempt, grant.delay());
                    listener.rateLimitWait(call, grant.delay(), WaitReason.CLIENT_BUDGET);
                    if (grant.delay().compareTo(wait) > 0) wait = grant.delay();
                }
            }
            if (!wait.isZero() && passesDeadline(wait)) {
                throw clientRateLimit(call, "rate-limit wait of " + wait + " would pass the call's deadline", wait);
            }
            return wait;
        }

        void sending() {
            attemptSent = true;
            attemptStart = clock.instant();
            LOG.debug("{} attempt {}", call, attempt);
            listener.attemptStart(call, attempt);
        }

        <T> void succeeded(T result, Function<? super T, TokenUsage> usage) {
            record(null);
            holdsBudget = false; // the usage corrects it below
            LOG.debug("{} attempt {} succeeded", call, attempt);
            if (call.streaming()) return;
            TokenUsage used;
            try {
                used = usage.apply(result);
            } catch (RuntimeException e) {
                LOG.warn("{}: could not read token usage", call, e);
                used = null;
            }
            correctBudget(call, used);
            listener.callEnd(call, used, elapsed());
        }

        /** After a failed attempt: the delay before the next one, or throws the error that ends the call. */
        Duration failed(GroqException e) {
            last = e;
            giveBackBudget(e);
            Duration serverDelay = RetryAfter.from(e.headers(), clock)
                    .orElse(e instanceof RateLimitException ? ((RateLimitException) e).retryAfter() : null);
            if (e.statusCode() == 429 && serverDelay != null) rateLimitManager.onRetryAfter(call.model(), serverDelay);
            LOG.debug("{} attempt {} failed: status {}, request id {}, retry-after {}: {}", call, attempt,
                    e.statusCode(), e.requestId(), serverDelay, e.getMessage());
            if (!e.isRetryable()) throw end(e);
            if (attempt > maxRetries) throw end(e);
            if (serverDelay != null && serverDelay.compareTo(retry.maxRetryAfter()) > 0) throw end(e);
            Duration delay = serverDelay != null ? serverDelay
                    : retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
            if (passesDeadline(delay)) throw end(e);
            circuitBreaker.releasePermission(); // the call goes on: its outcome is recorded once, when it ends
            holdsPermission = false;
            LOG.debug("{} retry {} of {} in {}", call, attempt, maxRetries, delay);
            listener.retryScheduled(call, attempt, delay, e);
            return delay;
        }

        /** Whether a wait of {@code d} starting now would end after the deadline (no Instant arithmetic: d may be huge). */
        private boolean passesDeadline(Duration d) {
            return deadline != null && Duration.between(clock.instant(), deadline).compareTo(d) < 0;
        }

        void unexpected(Throwable e) {
            abort(new GroqException("unexpected " + e, e));
        }

        /**
         * No (further) attempt can be sent because of {@code why}: ends the call with the last attempt's error
         * when there was one ({@code why} suppressed in it), else with {@code why}.
         */
        GroqException giveUp(GroqException why) {
            if (last == null) return abort(why);
            last.addSuppressed(why);
            return abort(last);
        }

        /** Ends the call early with {@code e}. */
        GroqException abort(GroqException e) {
            if (last != null && e != last) e.addSuppressed(last);
            return end(e);
        }

        private GroqException end(GroqException e) {
            record(e);
            giveBackBudget(null);
            LOG.debug("{} failed after {} attempt(s): {}", call, attempt, e.getMessage());
            listener.callFailed(call, e, elapsed());
            return e;
        }

        private Duration elapsed() {
            return Duration.between(start, clock.instant());
        }

        /**
         * Gives the current attempt's share of the client budget back when the model never ran for it
         * ({@code failure} null: the call ends). Unsent (refused, cancelled or interrupted in its wait), refused
         * at connect, or its upload source failed: the request and its tokens never reached Groq. Answered with a
         * 4xx (429 included) or 498: Groq counted the request but the model did not run, so only the tokens.
         * A 5xx, timeout or cut may come after the model ran: nothing is given back.
         */
        private void giveBackBudget(GroqException failure) {
            if (!holdsBudget) return;
            holdsBudget = false;
            boolean neverReachedGroq = !attemptSent || neverLeftTheClient(failure);
            int status = failure == null ? 0 : failure.statusCode();
            if (neverReachedGroq || (status >= 400 && status < 500) || status == 498) {
                budget.giveBack(call.estimatedTokens(), neverReachedGroq);
            }
        }

        /**
         * Tells the breaker how the call ended ({@code outcome} null: it succeeded), once per call and only when
         * its last attempt holds a permission: a server failure is an error; any other answer from Groq shows it is
         * up; a failure of the client's own (its deadline, a budget or wait refusal, cancellation, a file source)
         * says nothing about Groq and just gives the permission back.
         */
        private void record(GroqException outcome) {
            if (!holdsPermission) return;
            holdsPermission = false;
            if (outcome != null && CircuitBreakerConfig.isServerFailure(outcome) && !ownDeadline(outcome)) {
                circuitBreaker.onError(attemptNanos(), outcome);
            } else if (outcome == null || outcome.statusCode() > 0) {
                circuitBreaker.onSuccess(attemptNanos());
            } else {
                circuitBreaker.releasePermission();
            }
        }

        /**
         * Whether {@code e} is a timeout of the call's own deadline: the pipeline cuts an attempt's timeout to what
         * the deadline leaves, so such a timeout fires at the deadline (within a timer's precision).
         */
        private boolean ownDeadline(GroqException e) {
            return e instanceof GroqTimeoutException && deadline != null
                    && Duration.between(clock.instant(), deadline).compareTo(DEADLINE_PRECISION) <= 0;
        }

        private long attemptNanos() {
            return Duration.between(attemptStart, clock.instant()).toNanos();
        }
    }

    public static final class Builder {
        private RetryConfig retryConfig = RetryConfig.DEFAULT;
        private CircuitBreakerConfig circuitBreakerConfig = CircuitBreakerConfig.DEFAULT;
        private CircuitBreaker circuitBreaker;
        private RateLimitManager rateLimitManager;
        private RateLimitConfig rateLimitConfig;
        private RateLimitStore rateLimitStore = RateLimitStore.local();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DelayScheduler scheduler = DelayScheduler.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private GroqListener listener = GroqListener.NOOP;

        private Builder() {
        }

        public Builder retryConfig(RetryConfig retryConfig) {
            this.retryConfig = Objects.requireNonNull(retryConfig, "retryConfig == null");
            return this;
        }

        /** The breaker to build; ignored when {@link #circuitBreaker(CircuitBreaker)} is set. */
        public Builder circuitBreakerConfig(CircuitBreakerConfig circuitBreakerConfig) {
            this.circuitBreakerConfig = Objects.requireNonNull(circuitBreakerConfig, "circuitBreakerConfig == null");
            return this;
        }

        /**
         * Your own Resilience4j breaker (e.g. from a registry). Each call's outcome is reported to it once, when the
         * call ends; only server-side failures as errors ({@link CircuitBreakerConfig#isServerFailure}), and its
         * own predicates then apply; failures of the client's own are not reported. The orchestrator
         * subscribes to its state transitions for the listener.
         */
        public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker == null");
            return this;
        }

        /** Shares a manager (e.g. the client's, which the pipeline updates); default a new one on the clock. */
        public Builder rateLimitManager(RateLimitManager rateLimitManager) {
            this.rateLimitManager = Objects.requireNonNull(rateLimitManager, "rateLimitManager == null");
            return this;
        }

        /** A client-side budget; default none. */
        public Builder rateLimitConfig(RateLimitConfig rateLimitConfig) {
            this.rateLimitConfig = rateLimitConfig;
            return this;
        }

        /** Where the budget's buckets live (and, for the default manager, what is shared); default in this client. */
        public Builder rateLimitStore(RateLimitStore rateLimitStore) {
            this.rateLimitStore = Objects.requireNonNull(rateLimitStore, "rateLimitStore == null");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
            return this;
        }

        public Builder delayScheduler(DelayScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        public Builder listener(GroqListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        public ResilienceOrchestrator build() {
            return new ResilienceOrchestrator(this);
        }
    }
}
