package dev.groqj.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP 413: the request is larger than allowed. With code {@code rate_limit_exceeded} it needs more tokens than the
 * model's tokens-per-minute limit, so waiting cannot help: never retried. Groq's message says by how much
 * ({@code "... on tokens per minute (TPM): Limit 6000, Requested 14810, please reduce your message size ..."});
 * {@link #tokensLimit()}, {@link #tokensRequested()} and {@link #tokensOver()} read it, and the exception's message
 * ends with the excess.
 *
 * <pre>{@code
 * catch (RequestTooLargeException e) {
 *     if (e.tokensOver() != null) shrinkPromptBy(e.tokensOver());
 * }
 * }</pre>
 */
public class RequestTooLargeException extends ApiException {
    private static final Pattern LIMIT_REQUESTED = Pattern.compile("Limit (\\d{1,18}), Requested (\\d{1,18})");

    private final Long tokensLimit;
    private final Long tokensRequested;

    public RequestTooLargeException(ErrorDetails details) {
        this(details, parse(details.message()));
    }

    private RequestTooLargeException(ErrorDetails details, long[] limitRequested) {
        super(withExcess(details, limitRequested));
        this.tokensLimit = limitRequested == null ? null : limitRequested[0];
        this.tokensRequested = limitRequested == null ? null : limitRequested[1];
    }

    /** Groq's {@code Limit N, Requested M}, or null. */
    private static long[] parse(String message) {
        if (message == null) return null;
        Matcher m = LIMIT_REQUESTED.matcher(message);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
    }

    /** The limit Groq's message names (the model's tokens per minute), or null when it names none. */
    public Long tokensLimit() {
        return tokensLimit;
    }

    /** The tokens Groq counted for the request (prompt and {@code max_completion_tokens}), or null. */
    public Long tokensRequested() {
        return tokensRequested;
    }

    /** By how many tokens the request is over the limit, or null when Groq's message does not say. */
    public Long tokensOver() {
        return tokensLimit == null ? null : tokensRequested - tokensLimit;
    }

    private static ErrorDetails withExcess(ErrorDetails d, long[] limitRequested) {
        if (limitRequested == null) return d;
        long limit = limitRequested[0];
        String message = d.message() + " [" + (limitRequested[1] - limit) + " tokens over the limit of " + limit + "]";
        return new ErrorDetails(d.statusCode(), message, d.type(), d.code(), d.param(), d.failedGeneration(),
                d.requestId(), d.rawBody(), d.headers());
    }
}
