package dev.groqj.error;

/** No HTTP answer: connection refused or reset, DNS, TLS. Retried. */
public class NetworkException extends GroqException {
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
