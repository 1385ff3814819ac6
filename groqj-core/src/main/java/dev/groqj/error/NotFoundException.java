package dev.groqj.error;

/** HTTP 404 Not Found: no such model, file or route. */
public class NotFoundException extends ApiException {
    public NotFoundException(ErrorDetails details) {
        super(details);
    }
}
