package dev.groqj.redis;

import dev.groqj.error.GroqException;

/**
 * Redis, where the shared budget lives, could not be reached and the store fails closed
 * ({@link RedisRateLimitStore.WhenUnreachable#FAIL_CLOSED}): the call was not sent. Status 0, not retried by the
 * client; the store keeps trying to reconnect, so a later call may go through.
 */
public class RedisUnavailableException extends GroqException {
    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
