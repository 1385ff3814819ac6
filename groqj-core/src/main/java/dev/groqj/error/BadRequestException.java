package dev.groqj.error;

/** HTTP 400 Bad Request: the request was malformed or used a parameter Groq does not accept. */
public class BadRequestException extends ApiException {
    public BadRequestException(ErrorDetails details) {
        super(details);
    }
}
