package dev.groqj.internal.resilience;

import dev.groqj.resilience.BudgetBucket;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.resilience.RateLimitStore;

import java.time.Clock;
import java.time.Duration;

/** The client-side budget of a {@link RateLimitConfig}: two buckets from a {@link RateLimitStore}. */
final class RateLimitBudget {
    private final RateLimitConfig config;
    private final BudgetBucket requests;
    private final BudgetBucket tokens;

    RateLimitBudget(RateLimitConfig config, RateLimitStore store, Clock clock) {
        this.config = config;
        this.requests = config.requestsPerMinute() == 0 ? null
                : store.bucket("requests", config.requestsPerMinute(), clock);
        this.tokens = config.tokensPerMinute() == 0 ? null : store.bucket("tokens", config.tokensPerMinute(), clock);
    }

    /**
     * Takes one request and {@code estimatedTokens}, reserving future room when allowed to wait. A granted
     * call must wait {@link Grant#delay()} before sending; a refused one took nothing, and {@link Grant#delay()}
     * says when there would be room (null: never, the estimate exceeds the whole budget).
     */
    Grant acquire(long estimatedTokens) {
        Duration maxWait = config.maxWait();
        if (tokens != null && estimatedTokens > config.tokensPerMinute()) {
            return new Grant(false, null);
        }
        Duration requestWait = requests == null ? Duration.ZERO : requests.reserve(1, maxWait);
        if (requestWait == null) {
            return new Grant(false, requests.timeUntil(1));
        }
        Duration tokenWait = tokens == null || estimatedTokens == 0 ? Duration.ZERO
                : reserveOrGiveBack(estimatedTokens, maxWait);
        if (tokenWait == null) {
            return new Grant(false, tokens.timeUntil(estimatedTokens));
        }
        return new Grant(true, requestWait.compareTo(tokenWait) > 0 ? requestWait : tokenWait);
    }

    /** Reserves the tokens, or gives the request back when they do not fit (also when the bucket fails). */
    private Duration reserveOrGiveBack(long estimatedTokens, Duration maxWait) {
        Duration wait;
        try {
            wait = tokens.reserve(estimatedTokens, maxWait);
        } catch (RuntimeException e) {
            if (requests != null) requests.giveBack(1);
            throw e;
        }
        if (wait == null && requests != null) requests.giveBack(1);
        return wait;
    }

    /** The call used {@code actual} tokens where {@code estimated} were taken: give back or take the difference. */
    void correct(long estimated, long actual) {
        if (tokens == null || actual == estimated) return;
        if (actual > estimated) {
            tokens.take(actual - estimated);
        } else {
            tokens.giveBack(estimated - actual);
        }
    }

    /** An attempt's share was not used: give back its tokens, and its request too when {@code request}. */
    void giveBack(long estimatedTokens, boolean request) {
        if (tokens != null && estimatedTokens > 0) tokens.giveBack(estimatedTokens);
        if (requests != null && request) requests.giveBack(1);
    }

    record Grant(boolean granted, Duration delay) {
    }
}
