package dev.groqj.internal;

import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Debug logging of every HTTP exchange under logger {@code dev.groqj.http}: method, path, attempt, status,
 * duration and Groq's request id; headers with {@code Authorization} redacted; bodies only when the client was
 * built with {@code logBodies(true)}. Not API.
 *
 * <pre>{@code
 * --> POST /chat/completions (chat.create #7, attempt 1) {accept=[application/json], authorization=[██], ...}
 * <-- 200 POST /chat/completions (chat.create #7, attempt 1) 183 ms, request id req_01j...
 * }</pre>
 */
final class HttpLog {
    private static final int MAX_BODY_CHARS = 4096;

    private final Logger log;
    private final boolean logBodies;

    HttpLog(boolean logBodies) {
        this(LoggerFactory.getLogger("dev.groqj.http"), logBodies);
    }

    HttpLog(Logger log, boolean logBodies) {
        this.log = log;
        this.logBodies = logBodies;
    }

    void sent(CallInfo call, int attempt, HttpRequest request) {
        if (!log.isDebugEnabled()) return;
        byte[] body = request.body() == null ? null : request.body().bytesIfBuffered();
        log.debug("--> {} {} ({} #{}, attempt {}) {}{}", call.method(), call.path(), call.operation(),
                call.id(), attempt, redacted(request.headers()), logBodies && body != null ? "\n" + text(body) : "");
    }

    void answered(CallInfo call, int attempt, int status, Headers headers, long startNanos, byte[] body) {
        if (!log.isDebugEnabled()) return;
        log.debug("<-- {} {} {} ({} #{}, attempt {}) {} ms, request id {}{}", status, call.method(), call.path(),
                call.operation(), call.id(), attempt, millisSince(startNanos), headers.firstOrNull("x-request-id"),
                logBodies && body != null ? "\n" + text(body) : "");
    }

    void failed(CallInfo call, int attempt, long startNanos, Throwable error) {
        if (!log.isDebugEnabled()) return;
        log.debug("<-- failed {} {} ({} #{}, attempt {}) {} ms: {}", call.method(), call.path(), call.operation(),
                call.id(), attempt, millisSince(startNanos),
                error instanceof GroqException ? error.getMessage() : String.valueOf(error));
    }

    private static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static Map<String, List<String>> redacted(Headers headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers.toMap());
        if (copy.containsKey("Authorization")) copy.put("Authorization", List.of("██"));
        return copy;
    }

    private static String text(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() <= MAX_BODY_CHARS ? s : s.substring(0, MAX_BODY_CHARS) + "… (" + s.length() + " chars)";
    }
}
