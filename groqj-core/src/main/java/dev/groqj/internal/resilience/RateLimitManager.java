package dev.groqj.internal.resilience;

import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.RateLimitStore;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.observability.WaitReason;
import dev.groqj.transport.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tracks Groq's rate limits per model from the {@code x-ratelimit-*} headers of every answer, and says whether the
 * next request for a model should wait or not be sent at all (the seed's {@code RateLimitManager}, with Groq's
 * meaning). Thread-safe and lock-free.
 *
 * <pre>{@code
 * RateLimitManager limits = new RateLimitManager(Clock.systemUTC());
 * limits.update("llama-3.3-70b-versatile", response.headers()); // after every answer, success or error
 * limits.refusal(model).ifPresent(r -> { throw ... });         // requests per day used up: fail at once
 * limits.nextWait(model, estimatedTokens).ifPresent(w -> sleeper.sleep(w.duration()));
 * }</pre>
 *
 * <p>Groq's limits are per model, and its headers mean: {@code *-requests} count requests per <b>day</b>,
 * {@code *-tokens} tokens per <b>minute</b>; a reset is the time until the bucket is full again (Go duration),
 * and both buckets refill continuously (recorded traffic: 13 tokens used of 30,000 a minute reset in 26 ms), so
 * room for {@code n} comes back in {@code n / used} of the reset. The rules:
 * <ul>
 *   <li><b>Requests per day used up</b> (remaining 0): {@link #refusal} — the call fails at once, saying when the
 *       day's quota is full again and when one request comes back; it never sleeps for hours.</li>
 *   <li><b>Tokens per minute</b>: when the call's estimate does not fit what remained, wait until enough has
 *       refilled, at most until the token window resets ({@link WaitReason#TOKENS_EXHAUSTED}; with no estimate,
 *       only when none remained, until the reset). Else the seed's proactive throttle: remaining below a tenth of
 *       the limit — wait until half the reset has passed ({@link WaitReason#TOKENS_THROTTLED}).</li>
 *   <li><b>Retry-after</b>: after {@link #onRetryAfter}, every request for that model waits until it has passed.</li>
 * </ul>
 * With proactive throttling off, only retry-after holds a call back: headers are reported, never acted on.
 * A wait already served is no wait, and a state is acted on for at most {@code memory} (the client's
 * {@link RetryConfig#maxRetryAfter()}) after the answer that announced it: a reset or retry-after of hours, or a
 * hostile one of centuries, refuses calls for that long at most, then the next call asks Groq again.
 *
 * <p>A {@link RateLimitStore} that shares (groqj-redis) hears every status and retry-after learned here, and its
 * newer status and longer retry-after count as if learned here.
 */
public final class RateLimitManager {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitManager.class);
    /** Models tracked at most: a client talks to a handful; past this, new names are not tracked. */
    static final int MAX_MODELS = 256;
    /** The key of calls that name no model (e.g. {@code models.list}). */
    private static final String NO_MODEL = "";

    private static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    private static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    private static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    private static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    private static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    private static final String RESET_TOKENS = "x-ratelimit-reset-tokens";
    private static final State EMPTY = new State(RateLimitStatus.UNKNOWN, Instant.MIN, Instant.MIN);

    private final Clock clock;
    private final Duration memory;
    private final boolean proactive;
    private final RateLimitStore store;
    private final Map<String, AtomicReference<State>> models = new ConcurrentHashMap<>();
    private final AtomicReference<RateLimitStatus> latest = new AtomicReference<>(RateLimitStatus.UNKNOWN);

    /** A manager on the system clock. */
    public RateLimitManager() {
        this(Clock.systemUTC());
    }

    /** A manager that remembers a wait for the default {@link RetryConfig#maxRetryAfter()}, 60 s. */
    public RateLimitManager(Clock clock) {
        this(clock, RetryConfig.DEFAULT.maxRetryAfter());
    }

    /** A proactive manager that remembers a wait for at most {@code memory} after the answer that announced it. */
    public RateLimitManager(Clock clock, Duration memory) {
        this(clock, memory, true, RateLimitStore.local());
    }

    /**
     * @param proactive whether headers hold calls back (see the class comment); retry-after always does
     * @param store where statuses and retry-afters are shared with other clients, if anywhere
     */
    public RateLimitManager(Clock clock, Duration memory, boolean proactive, RateLimitStore store) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.memory = Objects.requireNonNull(memory, "memory == null");
        this.proactive = proactive;
        this.store = Objects.requireNonNull(store, "store == null");
    }

    /** {@link #update(String, Headers)} for a call that names no model. */
    public void update(Headers headers) {
        update(null, headers);
    }

    /**
     * Takes the rate-limit headers of an answer for {@code model}. Headers that are absent keep their previous value;
     * an answer with none of them (e.g. from a proxy) changes nothing. Unparseable values become null.
     */
    public void update(String model, Headers headers) {
        Objects.requireNonNull(headers, "headers == null");
        if (headers.firstOrNull(LIMIT_REQUESTS) == null && headers.firstOrNull(REMAINING_REQUESTS) == null
                && headers.firstOrNull(RESET_REQUESTS) == null && headers.firstOrNull(LIMIT_TOKENS) == null
                && headers.firstOrNull(REMAINING_TOKENS) == null && headers.firstOrNull(RESET_TOKENS) == null) {
            return;
        }
        AtomicReference<State> ref = state(model);
        if (ref == null) return;
        Instant now = clock.instant();
        State next = ref.updateAndGet(old -> {
            RateLimitStatus s = old.status;
            return old.withStatus(new RateLimitStatus(
                    count(headers, LIMIT_REQUESTS, s.requestsLimit()),
                    count(headers, REMAINING_REQUESTS, s.requestsRemaining()),
                    duration(headers, RESET_REQUESTS, s.requestsReset()),
                    count(headers, LIMIT_TOKENS, s.tokensLimit()),
                    count(headers, REMAINING_TOKENS, s.tokensRemaining()),
                    duration(headers, RESET_TOKENS, s.tokensReset()),
                    now));
        });
        latest.set(next.status);
        store.learned(model, next.status);
    }

    /** {@link #onRetryAfter(String, Duration)} for a call that names no model. */
    public void onRetryAfter(Duration retryAfter) {
        onRetryAfter(null, retryAfter);
    }

    /** A 429 for {@code model} said to wait {@code retryAfter}: every request for it waits until it has passed. */
    public void onRetryAfter(String model, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter == null");
        AtomicReference<State> ref = state(model);
        if (ref == null) return;
        Instant now = clock.instant();
        Instant until = now.plus(retryAfter.compareTo(GoDuration.MAX) > 0 ? GoDuration.MAX : retryAfter);
        ref.updateAndGet(old -> until.isAfter(old.blockedUntil) ? new State(old.status, until, now) : old);
        // others hold calls back for at most the memory too
        Instant bounded = now.plus(memory);
        store.retryAfter(model, until.isAfter(bounded) ? bounded : until);
    }

    /** The status as of the last answer, of any model, that carried rate-limit headers; {@link RateLimitStatus#UNKNOWN} before. */
    public RateLimitStatus status() {
        return latest.get();
    }

    /** The status of {@code model} as of its last answer (here or, with a sharing store, anywhere); UNKNOWN before. */
    public RateLimitStatus status(String model) {
        return current(model).status;
    }

    /** The status of every model that answered here, by name (calls that name no model are not listed). */
    public Map<String, RateLimitStatus> statusByModel() {
        Map<String, RateLimitStatus> all = new TreeMap<>();
        models.forEach((model, state) -> {
            if (!model.equals(NO_MODEL) && state.get().status != RateLimitStatus.UNKNOWN) {
                all.put(model, state.get().status);
            }
        });
        return Collections.unmodifiableMap(all);
    }

    /** Whether a request for {@code model} sent now would be refused: its day's requests, or its tokens, are used up, or a retry-after runs. */
    public boolean isRateLimited(String model) {
        return refusal(model).isPresent() || nextWait(model, 0).filter(Wait::exhausted).isPresent();
    }

    /** {@link #isRateLimited(String)} for calls that name no model. */
    public boolean isRateLimited() {
        return isRateLimited(null);
    }

    /** {@link #nextWait(String, long)} for a call that names no model and has no token estimate. */
    public Optional<Duration> shouldWait() {
        return nextWait(null, 0).map(Wait::duration);
    }

    /**
     * Why a request for {@code model} must not be sent at all: its requests per day are used up. Empty when it may be
     * sent (perhaps after {@link #nextWait}), or when proactive throttling is off.
     */
    public Optional<Refusal> refusal(String model) {
        if (!proactive) return Optional.empty();
        RateLimitStatus s = current(model).status;
        Long limit = s.requestsLimit();
        Long remaining = s.requestsRemaining();
        Duration reset = s.requestsReset();
        Instant at = s.updatedAt();
        if (remaining == null || remaining > 0 || reset == null || at == null) return Optional.empty();
        Instant now = clock.instant();
        if (Duration.between(at, now).compareTo(memory) >= 0) return Optional.empty();
        Duration oneBack = limit != null && limit > 0 ? reset.dividedBy(limit) : reset;
        Duration untilOne = Duration.between(now, at.plus(oneBack));
        if (untilOne.isNegative() || untilOne.isZero()) return Optional.empty();
        Duration untilFull = Duration.between(now, at.plus(reset));
        return Optional.of(new Refusal(untilOne, "Groq's requests per day" + (model == null ? "" : " for " + model)
                + " are used up (limit " + (limit == null ? "unknown" : limit) + "): the day's quota is full again in "
                + untilFull + ", one request comes back in " + untilOne));
    }

    /**
     * How long a request for {@code model} that expects to use {@code estimatedTokens} (0: unknown) should wait, per
     * the rules in the class comment: the longest wait that applies, with its reason; empty when it may go now.
     */
    public Optional<Wait> nextWait(String model, long estimatedTokens) {
        State s = current(model);
        Instant now = clock.instant();
        Wait longest = longer(null, s.blockedSince, s.blockedUntil, now, WaitReason.RETRY_AFTER, true);
        if (proactive) longest = longerForTokens(longest, s.status, now, estimatedTokens);
        return Optional.ofNullable(longest);
    }

    private Wait longerForTokens(Wait current, RateLimitStatus st, Instant now, long estimate) {
        Long limit = st.tokensLimit();
        Long remaining = st.tokensRemaining();
        Duration reset = st.tokensReset();
        Instant at = st.updatedAt();
        if (remaining == null || reset == null || at == null) return current;
        if (limit != null && estimate > limit) return current; // fits no window: Groq's 413 says by how much
        if (estimate > remaining || (estimate == 0 && remaining <= 0)) {
            Duration refill = reset;
            if (estimate > 0 && limit != null && limit > remaining && remaining >= 0) {
                Duration proportional = reset.multipliedBy(estimate - remaining).dividedBy(limit - remaining);
                if (proportional.compareTo(reset) < 0) refill = proportional;
            }
            return longer(current, at, at.plus(refill), now, WaitReason.TOKENS_EXHAUSTED, true);
        }
        if (limit != null && remaining < limit / 10) {
            return longer(current, at, at.plus(reset.dividedBy(2)), now, WaitReason.TOKENS_THROTTLED, false);
        }
        return current;
    }

    /** The longer of {@code current} and the wait until {@code until} that an answer at {@code since} announced. */
    private Wait longer(Wait current, Instant since, Instant until, Instant now, WaitReason reason, boolean exhausted) {
        if (!until.isAfter(now) || Duration.between(since, now).compareTo(memory) >= 0) return current;
        Duration d = Duration.between(now, until);
        return current == null || d.compareTo(current.duration) > 0 ? new Wait(d, reason, exhausted) : current;
    }

    /** The state of {@code model} here, merged with what a sharing store heard: the newer status, the longer retry-after. */
    private State current(String model) {
        AtomicReference<State> ref = models.get(key(model));
        State local = ref == null ? EMPTY : ref.get();
        RateLimitStore.Shared shared = store.shared(model);
        if (shared == null) return local;
        State merged = local;
        RateLimitStatus status = shared.status();
        if (status != null && status.updatedAt() != null && (local.status.updatedAt() == null
                || status.updatedAt().isAfter(local.status.updatedAt()))) {
            merged = merged.withStatus(status);
        }
        Instant until = shared.retryUntil();
        if (until != null && until.isAfter(merged.blockedUntil)) {
            // when it was announced is not shared: count the memory from now, as if heard now
            merged = new State(merged.status, until, clock.instant());
        }
        return merged;
    }

    private AtomicReference<State> state(String model) {
        String key = key(model);
        AtomicReference<State> ref = models.get(key);
        if (ref != null) return ref;
        if (models.size() >= MAX_MODELS) {
            LOG.debug("not tracking rate limits of model {}: {} models tracked already", model, MAX_MODELS);
            return null;
        }
        return models.computeIfAbsent(key, k -> new AtomicReference<>(EMPTY));
    }

    private static String key(String model) {
        return model == null ? NO_MODEL : model;
    }

    private static Long count(Headers headers, String name, Long previous) {
        String v = headers.firstOrNull(name);
        if (v == null) return previous;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            LOG.debug("ignoring unparseable {}: {}", name, v);
            return null;
        }
    }

    private static Duration duration(Headers headers, String name, Duration previous) {
        String v = headers.firstOrNull(name);
        if (v == null) return previous;
        Duration d = GoDuration.tryParse(v);
        if (d == null) LOG.debug("ignoring unparseable {}: {}", name, v);
        return d;
    }

    /**
     * A wait before the next request. {@code exhausted} waits are the server's (no room for the call, a
     * retry-after): sending earlier would be refused. Throttle waits are this client's choice.
     */
    public record Wait(Duration duration, WaitReason reason, boolean exhausted) {
    }

    /** A request that must not be sent: {@code retryAfter} until one would be admitted, and why, in words. */
    public record Refusal(Duration retryAfter, String message) {
    }

    private record State(RateLimitStatus status, Instant blockedUntil, Instant blockedSince) {
        State withStatus(RateLimitStatus next) {
            return new State(next, blockedUntil, blockedSince);
        }
    }
}
