package dev.groqj.error;

/** HTTP 403 Forbidden: the key may not use this resource. */
public class PermissionDeniedException extends ApiException {
    public PermissionDeniedException(ErrorDetails details) {
        super(details);
    }
}
