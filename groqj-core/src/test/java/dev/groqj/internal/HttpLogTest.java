package dev.groqj.internal;

import dev.groqj.observability.CallInfo;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpRequest;
import dev.groqj.transport.RequestBody;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLogTest {
    private static final String KEY = "gsk_secret_abcdefghijklmnop1234";
    private final CallInfo call = CallInfo.builder("chat.create", "POST", "/chat/completions").build();
    private final HttpRequest request = HttpRequest.builder().method("POST")
            .uri(URI.create("http://127.0.0.1:1/openai/v1/chat/completions"))
            .header("Authorization", "Bearer " + KEY).header("Accept", "application/json")
            .body(RequestBody.json("{\"messages\":[\"a secret prompt\"]}".getBytes(StandardCharsets.UTF_8))).build();

    @Test
    void logsMethodPathAttemptStatusAndRequestIdWithAuthorizationRedacted() {
        Recording logger = new Recording();
        HttpLog log = new HttpLog(logger, false);
        log.sent(call, 2, request);
        log.answered(call, 2, 429, Headers.ofPairs("x-request-id", "req_123"), System.nanoTime(),
                "{\"answer\":\"a secret completion\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(logger.lines).hasSize(2);
        assertThat(logger.lines.get(0)).contains("--> POST /chat/completions", "chat.create", "attempt 2",
                "authorization=[██]", "accept=[application/json]").doesNotContain(KEY, "secret prompt");
        assertThat(logger.lines.get(1)).contains("<-- 429 POST /chat/completions", "attempt 2", " ms",
                "request id req_123").doesNotContain("secret completion");
    }

    @Test
    void bodiesOnlyWhenAskedFor() {
        Recording logger = new Recording();
        HttpLog log = new HttpLog(logger, true);
        log.sent(call, 1, request);
        log.answered(call, 1, 200, Headers.EMPTY, System.nanoTime(), "{\"answer\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(logger.lines.get(0)).contains("a secret prompt").doesNotContain(KEY);
        assertThat(logger.lines.get(1)).contains("{\"answer\":\"hi\"}");
    }

    @Test
    void nothingIsFormattedWhenDebugIsOff() {
        Recording logger = new Recording();
        logger.debug = false;
        new HttpLog(logger, true).sent(call, 1, request);
        assertThat(logger.lines).isEmpty();
    }

    /** Records formatted debug lines. */
    private static final class Recording extends AbstractLogger {
        final List<String> lines = new ArrayList<>();
        boolean debug = true;

        @Override protected String getFullyQualifiedCallerName() { return null; }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable t) {
            lines.add(MessageFormatter.basicArrayFormat(pattern, args));
        }

        @Override public boolean isTraceEnabled() { return false; }
        @Override public boolean isTraceEnabled(Marker marker) { return false; }
        @Override public boolean isDebugEnabled() { return debug; }
        @Override public boolean isDebugEnabled(Marker marker) { return debug; }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public boolean isInfoEnabled(Marker marker) { return false; }
        @Override public boolean isWarnEnabled() { return false; }
        @Override public boolean isWarnEnabled(Marker marker) { return false; }
        @Override public boolean isErrorEnabled() { return false; }
        @Override public boolean isErrorEnabled(Marker marker) { return false; }
    }
}
