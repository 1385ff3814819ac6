package dev.groqj.redis;

import dev.groqj.resilience.RateLimitStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@link RateLimitStatus} as one Redis string, {@code updatedAtMicros|limitReq|remainingReq|resetReqNanos|
 * limitTok|remainingTok|resetTokNanos}, an absent field empty. The leading number orders writes (newest wins).
 */
final class StatusCodec {
    private StatusCodec() {
    }

    static String encode(RateLimitStatus s) {
        Instant at = s.updatedAt();
        return (at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000) + "|" + text(s.requestsLimit()) + "|"
                + text(s.requestsRemaining()) + "|" + text(s.requestsReset()) + "|" + text(s.tokensLimit()) + "|"
                + text(s.tokensRemaining()) + "|" + text(s.tokensReset());
    }

    /** The status, or null when {@code value} is not one this class wrote. */
    static RateLimitStatus decode(String value) {
        String[] f = value.split("\\|", -1);
        if (f.length != 7) return null;
        try {
            long micros = Long.parseLong(f[0]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return new RateLimitStatus(number(f[1]), number(f[2]), duration(f[3]), number(f[4]), number(f[5]),
                    duration(f[6]), at);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Long n) {
        return n == null ? "" : n.toString();
    }

    private static String text(Duration d) {
        return d == null ? "" : Long.toString(d.toNanos());
    }

    private static Long number(String s) {
        return s.isEmpty() ? null : Long.valueOf(s);
    }

    private static Duration duration(String s) {
        return s.isEmpty() ? null : Duration.ofNanos(Long.parseLong(s));
    }
}
