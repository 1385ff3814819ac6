package dev.groqj.resilience;

import dev.groqj.error.ApiException;
import dev.groqj.error.AuthenticationException;
import dev.groqj.error.CapacityExceededException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.RequestTooLargeException;
import dev.groqj.error.ServerException;
import dev.groqj.error.BadRequestException;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.transport.Headers;

/** HTTP error answers as the pipeline would map them, with the given header name/value pairs. */
final class Errors {
    private Errors() {
    }

    static ApiException.ErrorDetails details(int status, String... headers) {
        Headers h = Headers.ofPairs(headers);
        return new ApiException.ErrorDetails(status, "status " + status, null, null, null, null,
                h.firstOrNull("x-request-id"), "{}", h);
    }

    static RateLimitException status429(String... headers) {
        return new RateLimitException(details(429, headers), null, RateLimitStatus.UNKNOWN);
    }

    static ServerException status5xx(int status, String... headers) {
        return new ServerException(details(status, headers));
    }

    static CapacityExceededException status498() {
        return new CapacityExceededException(details(498));
    }

    static AuthenticationException status401() {
        return new AuthenticationException(details(401));
    }

    static RequestTooLargeException status413(String... headers) {
        return new RequestTooLargeException(details(413, headers));
    }

    static BadRequestException status400() {
        return new BadRequestException(details(400));
    }
}
