package dev.groqj.cli;

import dev.groqj.GroqClient;
import dev.groqj.HealthStatus;
import dev.groqj.error.GroqException;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.GroqListener;
import dev.groqj.resilience.RateLimitStatus;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** {@code groqj health}: is Groq answering, how fast, and how much of the rate limit is left. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check that the API answers: the latency of a models listing and your rate-limit status.",
        footer = {"", "Examples:",
                "  groqj health",
                "  groqj health --output json --max-retries 0"})
final class HealthCommand extends ApiCommand {
    /** healthCheck() turns a failure into a message; the listener keeps the error for its exit code and request id. */
    private final AtomicReference<GroqException> failure = new AtomicReference<>();

    @Override
    void configure(GroqClient.Builder builder) {
        super.configure(builder);
        builder.addListener(new GroqListener() {
            @Override
            public void callFailed(CallInfo call, GroqException error, Duration duration) {
                failure.set(error);
            }
        });
    }

    @Override
    int run(Connection connection) {
        HealthStatus health = connection.client().healthCheck();
        if (!health.healthy()) {
            GroqException error = failure.get();
            throw error != null ? error : new GroqException(health.message());
        }
        RateLimitStatus limits = connection.client().rateLimitStatus();
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("healthy", true);
            json.put("latency_ms", health.latencyMs());
            json.put("base_url", connection.client().config().baseUrl());
            json.put("rate_limit", rateLimitJson(limits));
            printJson(json);
            return GroqCli.OK;
        }
        PrintWriter out = out();
        out.printf("healthy: %s answered in %d ms%n", connection.client().config().baseUrl(), health.latencyMs());
        out.println("requests per day:  " + budget(limits.requestsRemaining(), limits.requestsLimit(), limits.requestsReset()));
        out.println("tokens per minute: " + budget(limits.tokensRemaining(), limits.tokensLimit(), limits.tokensReset()));
        if (limits.isRateLimited()) out.println("rate limited: wait for the reset before the next call");
        out.flush();
        return GroqCli.OK;
    }

    /** "14,399 of 14,400 left, full again in 6.0s" */
    static String budget(Long remaining, Long limit, Duration reset) {
        if (remaining == null || limit == null) return "not reported";
        String text = String.format("%,d of %,d left", remaining, limit);
        return reset == null ? text : text + ", full again in " + seconds(reset);
    }

    private static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }

    /** The status with durations in seconds: the JSON mapper has no java.time support, and scripts want numbers. */
    static Map<String, Object> rateLimitJson(RateLimitStatus s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests_limit", s.requestsLimit());
        json.put("requests_remaining", s.requestsRemaining());
        json.put("requests_reset_seconds", s.requestsReset() == null ? null : s.requestsReset().toMillis() / 1000.0);
        json.put("tokens_limit", s.tokensLimit());
        json.put("tokens_remaining", s.tokensRemaining());
        json.put("tokens_reset_seconds", s.tokensReset() == null ? null : s.tokensReset().toMillis() / 1000.0);
        json.put("updated_at", s.updatedAt() == null ? null : s.updatedAt().toString());
        return json;
    }
}
