package dev.groqj.internal.resilience;

import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.observability.WaitReason;
import dev.groqj.transport.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tracks Groq's rate limits from the {@code x-ratelimit-*} headers of every answer and says how long the
 * next request should wait (the seed's {@code RateLimitManager}). Thread-safe and lock-free.
 *
 * <pre>{@code
 * RateLimitManager limits = new RateLimitManager(Clock.systemUTC());
 * limits.update(response.headers());              // after every answer, success or error
 * limits.shouldWait().ifPresent(sleeper::sleep);  // before the next request
 * }</pre>
 *
 * <p>{@link #shouldWait()} applies these rules to requests and to tokens alike, and returns the longest
 * wait that applies (a request needs both):
 * <ul>
 *   <li><b>Exhausted</b>: remaining is 0 — wait until the reset, i.e. {@code reset} minus the time elapsed
 *       since the headers arrived.</li>
 *   <li><b>Proactive throttle</b> (the seed's rule): remaining below a tenth of the limit
 *       ({@code remaining < limit / 10}, integer division) — wait until half the reset has passed since the
 *       headers arrived, i.e. {@code reset / 2} minus the elapsed time. Spreads the last tenth over the
 *       window instead of spending it at once.</li>
 *   <li><b>Retry-after</b>: after {@link #onRetryAfter(Duration)}, every request waits until it has passed.</li>
 * </ul>
 * A wait already served (the elapsed time is past it) is no wait, so a status that is never refreshed does
 * not hold calls back forever. A wait is remembered for at most {@code memory} (the client's
 * {@link RetryConfig#maxRetryAfter()}) after the answer that announced it: a reset or retry-after of hours,
 * or a hostile one of centuries, refuses calls for that long at most, then the next call asks Groq again.
 */
public final class RateLimitManager {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitManager.class);

    private static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    private static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    private static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    private static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    private static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    private static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

    private final Clock clock;
    private final Duration memory;
    private final AtomicReference<State> state =
            new AtomicReference<>(new State(RateLimitStatus.UNKNOWN, Instant.MIN, Instant.MIN));

    /** A manager on the system clock. */
    public RateLimitManager() {
        this(Clock.systemUTC());
    }

    /** A manager that remembers a wait for the default {@link RetryConfig#maxRetryAfter()}, 60 s. */
    public RateLimitManager(Clock clock) {
        this(clock, RetryConfig.DEFAULT.maxRetryAfter());
    }

    /** A manager that remembers a wait for at most {@code memory} after the answer that announced it. */
    public RateLimitManager(Clock clock, Duration memory) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.memory = Objects.requireNonNull(memory, "memory == null");
    }

    /**
     * Takes the rate-limit headers of an answer. Headers that are absent keep their previous value; an answer
     * with none of them (e.g. from a proxy) changes nothing. Unparseable values become null.
     */
    public void update(Headers headers) {
        Objects.requireNonNull(headers, "headers == null");
        if (headers.firstOrNull(LIMIT_REQUESTS) == null && headers.firstOrNull(REMAINING_REQUESTS) == null
                && headers.firstOrNull(RESET_REQUESTS) == null && headers.firstOrNull(LIMIT_TOKENS) == null
                && headers.firstOrNull(REMAINING_TOKENS) == null && headers.firstOrNull(RESET_TOKENS) == null) {
            return;
        }
        Instant now = clock.instant();
        state.updateAndGet(old -> {
            RateLimitStatus s = old.status;
            RateLimitStatus next = new RateLimitStatus(
                    count(headers, LIMIT_REQUESTS, s.requestsLimit()),
                    count(headers, REMAINING_REQUESTS, s.requestsRemaining()),
                    duration(headers, RESET_REQUESTS, s.requestsReset()),
                    count(headers, LIMIT_TOKENS, s.tokensLimit()),
                    count(headers, REMAINING_TOKENS, s.tokensRemaining()),
                    duration(headers, RESET_TOKENS, s.tokensReset()),
                    now);
            return new State(next, old.blockedUntil, old.blockedSince);
        });
    }

    /** A 429 said to wait {@code retryAfter}: every request waits until it has passed. */
    public void onRetryAfter(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter == null");
        Instant now = clock.instant();
        Instant until = now.plus(retryAfter.compareTo(GoDuration.MAX) > 0 ? GoDuration.MAX : retryAfter);
        state.updateAndGet(old -> until.isAfter(old.blockedUntil) ? new State(old.status, until, now) : old);
    }

    /** The status as of the last answer that carried rate-limit headers; {@link RateLimitStatus#UNKNOWN} before. */
    public RateLimitStatus status() {
        return state.get().status;
    }

    /** Whether a request sent now would be refused: a limit is exhausted and not yet reset, or a retry-after runs. */
    public boolean isRateLimited() {
        return nextWait().filter(Wait::exhausted).isPresent();
    }

    /** How long to wait before the next request, per the rules in the class comment; empty when it may go now. */
    public Optional<Duration> shouldWait() {
        return nextWait().map(Wait::duration);
    }

    /** The longest wait that applies now, with its reason; empty when none does. */
    Optional<Wait> nextWait() {
        State s = state.get();
        Instant now = clock.instant();
        Wait longest = longer(null, s.blockedSince, s.blockedUntil, now, WaitReason.RETRY_AFTER, true);
        RateLimitStatus st = s.status;
        longest = longer(longest, st.requestsLimit(), st.requestsRemaining(), st.requestsReset(), st.updatedAt(),
                now, WaitReason.REQUESTS_EXHAUSTED, WaitReason.REQUESTS_THROTTLED);
        longest = longer(longest, st.tokensLimit(), st.tokensRemaining(), st.tokensReset(), st.updatedAt(),
                now, WaitReason.TOKENS_EXHAUSTED, WaitReason.TOKENS_THROTTLED);
        return Optional.ofNullable(longest);
    }

    private Wait longer(Wait current, Long limit, Long remaining, Duration reset, Instant updatedAt,
                        Instant now, WaitReason exhausted, WaitReason throttled) {
        if (remaining == null || reset == null || updatedAt == null) return current;
        if (remaining <= 0) {
            return longer(current, updatedAt, updatedAt.plus(reset), now, exhausted, true);
        }
        if (limit != null && remaining < limit / 10) {
            return longer(current, updatedAt, updatedAt.plus(reset.dividedBy(2)), now, throttled, false);
        }
        return current;
    }

    /** The longer of {@code current} and the wait until {@code until} that an answer at {@code since} announced. */
    private Wait longer(Wait current, Instant since, Instant until, Instant now, WaitReason reason, boolean exhausted) {
        if (!until.isAfter(now) || Duration.between(since, now).compareTo(memory) >= 0) return current;
        Duration d = Duration.between(now, until);
        return current == null || d.compareTo(current.duration) > 0 ? new Wait(d, reason, exhausted) : current;
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
     * A wait before the next request. {@code exhausted} waits are the server's (a limit at 0, a retry-after):
     * sending earlier would be refused. Throttle waits are this client's choice.
     */
    record Wait(Duration duration, WaitReason reason, boolean exhausted) {
    }

    private record State(RateLimitStatus status, Instant blockedUntil, Instant blockedSince) {
    }
}
