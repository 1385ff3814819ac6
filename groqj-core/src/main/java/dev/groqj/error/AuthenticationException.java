package dev.groqj.error;

/** HTTP 401 Unauthorized: the API key is missing, wrong or revoked. */
public class AuthenticationException extends ApiException {
    public AuthenticationException(ErrorDetails details) {
        super(details);
    }
}
