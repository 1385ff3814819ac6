package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.RequestTooLargeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The governor against Groq's quotas, end to end, in milliseconds: server and clients run on a TestClock. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientQuotaTest {
    private static final TestClock CLOCK = TestClock.create();

    @RegisterExtension
    static final FakeGroqServerExtension GROQ = new FakeGroqServerExtension(
            FakeGroqServer.builder().clock(CLOCK).requestsPerMinute(30).requestsPerDay(40).tokensPerMinute(5_000));

    /** A client the extension did not create, kept across tests as a Spring context would keep it. */
    private static final List<Duration> SHARED_SLEEPS = new CopyOnWriteArrayList<>();
    private static GroqClient shared;

    private static ChatRequest hello(int i) {
        return ChatRequest.builder().model("llama-3.3-70b-versatile").addMessage(Message.user("Hello " + i))
                .maxCompletionTokens(50).build();
    }

    @AfterAll
    static void closeShared() {
        if (shared != null) shared.close();
    }

    @Test
    @Order(1)
    void thirtyOneCallsAtThirtyAMinuteTakeMillisecondsNotTheMinute(GroqClient client, FakeGroqServer groq) {
        Instant before = CLOCK.instant();
        long start = System.nanoTime();

        for (int i = 0; i < 31; i++) client.chat().create(hello(i));

        Duration real = Duration.ofNanos(System.nanoTime() - start);
        // the 31st drew Groq's 429 (requests per minute) and was sent again after its retry-after: 2 s of the clock
        assertThat(groq.requests()).hasSize(32);
        assertThat(Duration.between(before, CLOCK.instant())).isEqualTo(Duration.ofSeconds(2));
        assertThat(real).as("real time of 31 calls").isLessThan(Duration.ofSeconds(10));
        System.out.println("ClientQuotaTest: 31 calls at 30 a minute took " + real.toMillis() + " ms");
    }

    @Test
    @Order(2)
    void usedUpRequestsPerDayFailAtOnceUnsentSayingWhenTheyComeBack(GroqClient client, FakeGroqServer groq) {
        for (int i = 0; i < 40; i++) client.chat().create(hello(i));
        int sent = groq.requestCount();
        Instant before = CLOCK.instant();

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.chat().create(hello(41)));

        assertThat(e.statusCode()).isZero();
        assertThat(e).hasMessageContaining("requests per day for llama-3.3-70b-versatile are used up (limit 40)")
                .hasMessageContaining("full again in");
        assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofDays(1).dividedBy(40));
        assertThat(groq.requestCount()).isEqualTo(sent);
        assertThat(CLOCK.instant()).isEqualTo(before);
        assertThat(client.rateLimitStatus("llama-3.3-70b-versatile").requestsRemaining()).isZero();
    }

    @Test
    @Order(3)
    void aRequestLargerThanTheTokensPerMinuteSaysByHowMuch(GroqClient client) {
        RequestTooLargeException e = catchThrowableOfType(RequestTooLargeException.class, () -> client.chat()
                .create(hello(0).toBuilder().maxCompletionTokens(6_000).build()));

        assertThat(e.tokensLimit()).isEqualTo(5_000);
        assertThat(e.tokensOver()).isEqualTo(1_002); // "Hello 0": 2 prompt tokens
    }

    @Test
    @Order(4)
    void aClientTheExtensionDidNotCreateLearnsARetryAfter(FakeGroqServer groq) {
        shared = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey()).maxRetries(0).clock(CLOCK)
                .sleeper(d -> {
                    SHARED_SLEEPS.add(d);
                    CLOCK.advance(d);
                }).build();
        groq.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.rateLimited(Duration.ofSeconds(50)));

        catchThrowableOfType(RateLimitException.class, () -> shared.chat().create(hello(0)));

        assertThat(shared.rateLimitStatus("llama-3.3-70b-versatile").requestsRemaining()).isNotNull();
    }

    @Test
    @Order(5)
    void andStartsTheNextTestCleanOnTheServersTestClock(FakeGroqServer groq) {
        assertThat(shared.chat().create(hello(1)).choices()).hasSize(1);
        assertThat(SHARED_SLEEPS).as("the remembered 50 s retry-after is past").isEmpty();
        assertThat(groq.requestCount()).isEqualTo(1);
    }
}
