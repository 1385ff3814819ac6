package dev.groqj.error;

/** HTTP 413: the request is larger than allowed. With code rate_limit_exceeded it is larger than your tokens-per-minute limit, so waiting cannot help: never retried. */
public class RequestTooLargeException extends ApiException {
    public RequestTooLargeException(ErrorDetails details) {
        super(details);
    }
}
