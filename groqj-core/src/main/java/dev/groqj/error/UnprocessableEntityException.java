package dev.groqj.error;

/** HTTP 422 Unprocessable Entity: well-formed but semantically invalid. */
public class UnprocessableEntityException extends ApiException {
    public UnprocessableEntityException(ErrorDetails details) {
        super(details);
    }
}
