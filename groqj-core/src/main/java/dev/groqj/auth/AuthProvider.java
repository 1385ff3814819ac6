package dev.groqj.auth;

import dev.groqj.transport.HttpRequest;

/** Adds credentials to each outgoing request (seed section 5). */
public interface AuthProvider {
    /** Adds the credentials to {@code request}; called once per call, and every attempt of it sends them. */
    void apply(HttpRequest.Builder request);

    /** The scheme name, e.g. {@code Bearer}. */
    String scheme();

    /** Fails with a {@link dev.groqj.error.ValidationException} when the credentials cannot work. */
    void validate();

    /** A safe hint of the credential for messages (never the secret itself). */
    String hint();
}
