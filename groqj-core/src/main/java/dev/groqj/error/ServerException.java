package dev.groqj.error;

/** HTTP 5xx: Groq or a proxy in front of it failed; retried. */
public class ServerException extends ApiException {
    public ServerException(ErrorDetails details) {
        super(details);
    }
}
