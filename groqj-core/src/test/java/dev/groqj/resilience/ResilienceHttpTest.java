package dev.groqj.resilience;

import dev.groqj.internal.resilience.GoDuration;
import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.Fixtures;
import dev.groqj.GroqClient;
import dev.groqj.ScriptedServer;
import dev.groqj.ScriptedServer.Scripted;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.Message;
import dev.groqj.error.AuthenticationException;
import dev.groqj.error.CircuitOpenException;
import dev.groqj.error.GroqException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.RequestTooLargeException;
import dev.groqj.error.ServerException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Retries, waits and the breaker through the whole client, against faults served over a real socket. */
class ResilienceHttpTest {
    private static final String KEY = "gsk_test_abcdefghijklmnop1234";
    /** A recorded completion (vercel-ai/groq-text.json, content cut short), inline so these tests need no fixtures. */
    static final String OK_BODY = "{\"id\":\"chatcmpl-09d64d2a-ed1c-4473-829f-78db43f45d13\",\"object\":\"chat.completion\","
            + "\"created\":1770770798,\"model\":\"llama-3.3-70b-versatile\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"I'd like to introduc\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"queue_time\":0.041876985,\"prompt_tokens\":45,\"prompt_time\":0.001954727,"
            + "\"completion_tokens\":607,\"completion_time\":2.245177008,\"total_tokens\":652,\"total_time\":2.247131735},"
            + "\"system_fingerprint\":\"fp_f8b414701e\",\"x_groq\":{\"id\":\"req_01kh52m3qqem4sw141xf026ehx\"}}";
    private static final String SERVER_ERROR = "{\"error\":{\"message\":\"Service Unavailable\",\"type\":\"internal_server_error\"}}";
    private static final ChatRequest HELLO = ChatRequest.builder()
            .model("llama-3.3-70b-versatile").addMessage(Message.user("Hello")).build();

    private ScriptedServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        time = new FakeTime();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GroqClient.Builder client() {
        return GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .retryConfig(RetryConfig.builder().jitter(0).build())
                .circuitBreakerConfig(CircuitBreakerConfig.DISABLED)
                .clock(time).sleeper(time).delayScheduler(time);
    }

    @Test
    void http429ThenSuccessWaitsExactlyRetryAfter() {
        server.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}",
                "retry-after", "3");
        server.json(200, OK_BODY);
        ChatCompletion c = client().build().chat().create(HELLO);
        assertThat(c.id()).isNotBlank();
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        server.json(429, "{\"error\":{\"message\":\"slow down\"}}", "retry-after", "9", "retry-after-ms", "1250");
        server.json(200, OK_BODY);
        client().build().chat().create(HELLO);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(1250));
    }

    @Test
    void http503Twice503ThenSuccessBacksOffExponentially() {
        server.json(503, SERVER_ERROR);
        server.json(503, SERVER_ERROR);
        server.json(200, OK_BODY);
        client().build().chat().create(HELLO);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void xShouldRetryFalseStopsAtOnce() {
        server.json(503, SERVER_ERROR, "x-should-retry", "false");
        assertThatThrownBy(() -> client().build().chat().create(HELLO)).isInstanceOf(ServerException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void flexCapacity498ThenSuccessRetries() {
        server.json(498, "{\"error\":{\"message\":\"Capacity exceeded\",\"code\":\"capacity_exceeded\"}}");
        server.json(200, OK_BODY);
        client().build().chat().create(HELLO);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void always500EndsAfterMaxRetriesPlusOneWithTheLastError() {
        for (int i = 0; i < 3; i++) server.json(500, SERVER_ERROR, "x-request-id", "req_" + i);
        assertThatThrownBy(() -> client().maxRetries(2).build().chat().create(HELLO))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.requestId()).isEqualTo("req_2"));
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void http401IsOneAttempt() {
        server.json(401, "{\"error\":{\"message\":\"Invalid API Key\",\"code\":\"invalid_api_key\"}}");
        assertThatThrownBy(() -> client().build().chat().create(HELLO)).isInstanceOf(AuthenticationException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void http413RateLimitExceededIsNeverRetriedAndSaysByHowMuch() {
        // Groq's message, as real clients report it
        server.json(413, "{\"error\":{\"message\":\"Request too large for model `llama-3.3-70b-versatile` in"
                + " organization `org_01jp8byqwpfx9sp1m0dbhb6a1e` service tier `on_demand` on tokens per minute (TPM):"
                + " Limit 6000, Requested 14810, please reduce your message size and try again. Visit"
                + " https://console.groq.com/docs/rate-limits for more information.\",\"type\":\"tokens\","
                + "\"code\":\"rate_limit_exceeded\"}}", "x-should-retry", "true");

        RequestTooLargeException e = catchThrowableOfType(RequestTooLargeException.class,
                () -> client().build().chat().create(HELLO));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(e.tokensLimit()).isEqualTo(6000);
        assertThat(e.tokensRequested()).isEqualTo(14810);
        assertThat(e.tokensOver()).isEqualTo(8810);
        assertThat(e).hasMessageEndingWith("[8810 tokens over the limit of 6000]");
    }

    @Test
    void http413WithoutGroqsFiguresSaysNothingMore() {
        server.json(413, "{\"error\":{\"message\":\"Request Entity Too Large\"}}");
        RequestTooLargeException e = catchThrowableOfType(RequestTooLargeException.class,
                () -> client().build().chat().create(HELLO));
        assertThat(e.tokensOver()).isNull();
        assertThat(e).hasMessage("413: Request Entity Too Large");
    }

    @Test
    void everyRetrySendsTheSameBytes() throws Exception {
        server.json(503, SERVER_ERROR);
        server.json(200, OK_BODY);
        client().build().chat().create(HELLO.toBuilder().temperature(0.5).seed(7L).build());
        assertThat(server.takeRequest().body()).isEqualTo(server.takeRequest().body());
    }

    @Test
    void retryAfterAboveTheCapFailsInsteadOfHanging() {
        server.json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "retry-after", "3600");
        assertThatThrownBy(() -> client().build().chat().create(HELLO))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void hostileRetryAfterFailsAtOnceWithThe429AndNeverSleeps() {
        server.json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "retry-after", "10000000000");
        server.json(200, OK_BODY);
        GroqClient c = client().sleeper(Sleeper.SYSTEM).build(); // a real sleeper: a negative wait would throw

        assertThatThrownBy(() -> c.chat().create(HELLO))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(GoDuration.MAX);
                });
        assertThat(server.requestCount()).isEqualTo(1);

        time.advance(RetryConfig.DEFAULT.maxRetryAfter());
        assertThat(c.chat().create(HELLO).id()).as("forgotten after maxRetryAfter").isNotBlank();
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void streamIsRetriedBeforeItOpensButNeverAfterItsFirstChunk() {
        server.json(503, SERVER_ERROR);
        server.sseCut(List.of("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"half\"}}]}\n\n"));
        GroqClient c = client().build();
        assertThatThrownBy(() -> {
            try (ChatStream s = c.chat().stream(HELLO)) {
                s.accumulate();
            }
        }).isInstanceOfSatisfying(StreamException.class, e -> assertThat(e.partialContent()).isEqualTo("half"));
        assertThat(server.requestCount()).as("one retry before the stream opened, none after").isEqualTo(2);
    }

    @Test
    void rateLimitHeadersAreReadFromEveryAnswerPerModelAndUsedUpTokensWaitForTheReset() {
        server.json(200, OK_BODY, "x-ratelimit-limit-requests", "14400", "x-ratelimit-remaining-requests", "14000",
                "x-ratelimit-reset-requests", "7.66s", "x-ratelimit-limit-tokens", "30000",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "2.5s");
        server.json(200, OK_BODY);
        GroqClient c = client().build();
        c.chat().create(HELLO);
        RateLimitStatus status = c.rateLimitStatus(HELLO.model());
        assertThat(status).isEqualTo(c.rateLimitStatus()).isEqualTo(c.async().rateLimitStatus(HELLO.model()));
        assertThat(c.rateLimitStatusByModel()).containsOnlyKeys(HELLO.model());
        assertThat(c.rateLimitStatus("another-model")).isEqualTo(RateLimitStatus.UNKNOWN);
        assertThat(status.requestsRemaining()).isEqualTo(14000);
        assertThat(status.requestsReset()).isEqualTo(Duration.ofMillis(7_660));
        assertThat(status.tokensRemaining()).isZero();
        c.chat().create(HELLO);
        assertThat(time.sleeps).hasSize(1).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(2500)));
    }

    @Test
    void usedUpRequestsPerDayFailTheNextCallUnsent() {
        server.json(200, OK_BODY, "x-ratelimit-limit-requests", "1000", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "12h");
        GroqClient c = client().build();
        c.chat().create(HELLO);

        assertThatThrownBy(() -> c.chat().create(HELLO)).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("full again in PT12H");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void proactiveThrottleBelowTenPercentOfTheTokensWaitsHalfTheReset() {
        // the call's estimate (prompt bytes / 4 + 1,024 completion tokens) fits the 2,000 left of 30,000
        server.json(200, OK_BODY, "x-ratelimit-limit-tokens", "30000", "x-ratelimit-remaining-tokens", "2000",
                "x-ratelimit-reset-tokens", "10s");
        server.json(200, OK_BODY);
        GroqClient c = client().build();
        c.chat().create(HELLO);
        c.chat().create(HELLO);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void proactiveThrottlingOffLeavesItToGroq() {
        server.json(200, OK_BODY, "x-ratelimit-limit-tokens", "1000", "x-ratelimit-remaining-tokens", "50",
                "x-ratelimit-reset-tokens", "10s", "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1h");
        server.json(200, OK_BODY);
        GroqClient c = client().proactiveThrottling(false).build();
        c.chat().create(HELLO);
        c.chat().create(HELLO);
        assertThat(time.sleeps).isEmpty();
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(c.config().proactiveThrottling()).isFalse();
    }

    @Test
    void breakerOpensAfterFailuresAndRecoversThroughHalfOpen() {
        GroqClient c = client().maxRetries(0).circuitBreakerConfig(CircuitBreakerConfig.builder()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(1).build()).build();
        for (int i = 0; i < 4; i++) {
            server.json(500, SERVER_ERROR);
            assertThatThrownBy(() -> c.chat().create(HELLO)).isInstanceOf(ServerException.class);
        }
        assertThatThrownBy(() -> c.chat().create(HELLO))
                .isInstanceOfSatisfying(CircuitOpenException.class, e -> assertThat(e.retryIn()).isPositive());
        assertThat(server.requestCount()).as("nothing sent while open").isEqualTo(4);

        time.advance(Duration.ofSeconds(31));
        server.json(200, OK_BODY);
        assertThat(c.chat().create(HELLO).id()).isNotBlank();
        server.json(200, OK_BODY);
        assertThat(c.chat().create(HELLO).id()).as("closed again").isNotBlank();
        assertThat(server.requestCount()).isEqualTo(6);
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        GroqClient c = client().maxRetries(0).circuitBreakerConfig(CircuitBreakerConfig.builder()
                .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50).build()).build();
        for (int i = 0; i < 4; i++) {
            server.json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}");
            assertThatThrownBy(() -> c.chat().create(HELLO)).isInstanceOf(RateLimitException.class);
        }
        server.json(200, OK_BODY);
        assertThat(c.chat().create(HELLO).id()).isNotBlank();
    }

    /**
     * 200 concurrent calls against a server failing 20 % of attempts with 503: every call ends in success or a typed
     * error, and the journal shows each call's request executed successfully at most once.
     */
    @Test
    void boundedLoadWithTwentyPercent503LosesNothingAndDuplicatesNothing() throws Exception {
        Random random = new Random(42);
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        server.otherwise(request -> {
            String marker = marker(request.bodyAsString());
            attempts.computeIfAbsent(marker, k -> new AtomicInteger()).incrementAndGet();
            boolean fail;
            synchronized (random) {
                fail = random.nextInt(100) < 20;
            }
            if (fail) return Scripted.json(503, SERVER_ERROR);
            successes.computeIfAbsent(marker, k -> new AtomicInteger()).incrementAndGet();
            return Scripted.json(200, OK_BODY);
        });
        GroqClient c = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(5)
                .retryConfig(RetryConfig.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build())
                .circuitBreakerConfig(CircuitBreakerConfig.DISABLED).build();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String marker = "call-" + i;
            results.add(pool.submit(() -> {
                try {
                    c.chat().create(ChatRequest.builder().model("llama-3.3-70b-versatile")
                            .addMessage(Message.user(marker)).build());
                    return "ok";
                } catch (GroqException e) {
                    return e.getClass().getSimpleName();
                }
            }));
        }
        int ok = 0;
        for (Future<String> f : results) {
            String outcome = f.get(60, TimeUnit.SECONDS);
            assertThat(outcome).isIn("ok", "ServerException");
            if (outcome.equals("ok")) ok++;
        }
        pool.shutdown();
        assertThat(ok).isGreaterThan(190);
        assertThat(attempts).hasSize(200);
        assertThat(successes.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(successes).hasSize(ok);
    }

    private static String marker(String body) {
        JsonNode messages = Json.tree(body).get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }
}
