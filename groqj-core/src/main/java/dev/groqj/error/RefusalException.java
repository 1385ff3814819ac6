package dev.groqj.error;

/**
 * The model declined to answer a structured-output request (the message's {@code refusal}), so there is no value
 * to parse. Not a parse error: the request was understood and refused; rephrasing it may help, resending it will
 * not.
 */
public class RefusalException extends GroqException {
    private final String refusal;

    public RefusalException(String refusal) {
        super("the model refused: " + refusal);
        this.refusal = refusal;
    }

    /** The model's explanation of the refusal. */
    public String refusal() {
        return refusal;
    }
}
