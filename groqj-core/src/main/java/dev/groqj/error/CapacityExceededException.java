package dev.groqj.error;

/** HTTP 498: the flex tier is out of capacity (capacity_exceeded); retried. */
public class CapacityExceededException extends ApiException {
    public CapacityExceededException(ErrorDetails details) {
        super(details);
    }
}
