package dev.groqj.redis;

import dev.groqj.GroqClient;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.error.BudgetExceededException;
import dev.groqj.error.RateLimitException;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.testkit.ScriptedResponse;
import dev.groqj.testkit.TestClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Clients sharing one budget, and what they learn, through a real Redis; and what happens when it goes away. The
 * tests that stop Redis run last, so that no other test meets a connection Lettuce is still re-establishing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisRateLimitStoreTest {
    private static final String MODEL = "llama-3.3-70b-versatile";
    private static RedisServer redis;

    private final TestClock clock = TestClock.create();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private FakeGroqServer groq;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) redis.close();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        if (groq != null) groq.close();
    }

    private FakeGroqServer groq() {
        if (groq == null) groq = FakeGroqServer.builder().clock(clock).build().start();
        return groq;
    }

    private RedisRateLimitStore store(String namespace, RedisRateLimitStore.WhenUnreachable policy) {
        RedisRateLimitStore store = RedisRateLimitStore.builder(redis.uri()).namespace(namespace)
                .whenUnreachable(policy).commandTimeout(Duration.ofSeconds(3)) // a busy CI machine is slow
                .reconnectEvery(Duration.ofMillis(50))
                .clock(clock).build();
        toClose.add(store);
        return store;
    }

    private GroqClient client(RedisRateLimitStore store, RateLimitConfig budget) {
        GroqClient.Builder b = GroqClient.builder().baseUrl(groq().baseUrl()).apiKey(groq().apiKey()).maxRetries(0)
                .clock(clock).sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                }).rateLimitStore(store);
        if (budget != null) b.rateLimitConfig(budget);
        GroqClient client = b.build();
        toClose.add(client);
        return client;
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().model(MODEL).addMessage(Message.user("Hello")).build();
    }

    @Test
    void clientsWithTheirOwnStoresShareOneBudgetInRedis() {
        RateLimitConfig three = RateLimitConfig.builder().requestsPerMinute(3).failFast().build();
        GroqClient a = client(store("shared-budget", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), three);
        GroqClient b = client(store("shared-budget", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), three);

        a.chat().create(hello());
        a.chat().create(hello());
        b.chat().create(hello());
        BudgetExceededException e = catchThrowableOfType(BudgetExceededException.class, () -> b.chat().create(hello()));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20)); // one of 3 a minute back
        assertThat(groq().requestCount()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(20));
        assertThat(a.chat().create(hello()).choices()).hasSize(1);
    }

    @Test
    void anotherNamespaceIsAnotherBudget() {
        RateLimitConfig one = RateLimitConfig.builder().requestsPerMinute(1).failFast().build();
        client(store("ns-a", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), one).chat().create(hello());
        assertThat(client(store("ns-b", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), one).chat().create(hello())
                .choices()).hasSize(1);
    }

    @Test
    void whatOneClientLearnsFromA429TheOtherWaitsFor() {
        GroqClient a = client(store("learned-429", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), null);
        GroqClient b = client(store("learned-429", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), null);
        groq().enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.rateLimited(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> a.chat().create(hello())).isInstanceOf(RateLimitException.class);
        awaitKey("groqj:learned-429:retry:" + MODEL);
        b.chat().create(hello());

        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
        assertThat(b.rateLimitStatus(MODEL).requestsLimit()).as("a's headers, heard through Redis").isNotNull();
    }

    @Test
    void whatOneClientLearnsFromHeadersTheOtherActsOn() {
        GroqClient a = client(store("learned-headers", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), null);
        GroqClient b = client(store("learned-headers", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED), null);
        groq().enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\","
                + "\"created\":1,\"model\":\"" + MODEL + "\",\"choices\":[]}").toBuilder()
                .header("x-ratelimit-limit-requests", "1000").header("x-ratelimit-remaining-requests", "0")
                .header("x-ratelimit-reset-requests", "20h").build());

        a.chat().create(hello());
        awaitKey("groqj:learned-headers:status:" + MODEL);

        assertThatThrownBy(() -> b.chat().create(hello())).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("requests per day for " + MODEL + " are used up");
        assertThat(groq().requestCount()).isEqualTo(1);
    }

    @Test
    @Order(Order.DEFAULT + 1) // after the others, which have the default
    void failOpenKeepsCallingOnALocalBudgetWhileRedisIsAwayThenSharesAgain() throws Exception {
        RedisRateLimitStore store = store("fail-open", RedisRateLimitStore.WhenUnreachable.FAIL_OPEN);
        GroqClient client = calledOnceThroughRedis(store);
        assertThat(redisHasKey("groqj:fail-open:bucket:requests")).isTrue();

        redis.stop();
        try {
            assertThat(client.chat().create(hello()).choices()).hasSize(1);
            assertThat(client.chat().create(hello()).choices()).hasSize(1);
        } finally {
            redis.startAgain(); // an empty Redis: what it held is gone, as after a restart without persistence
        }
        awaitReconnected(store, client);

        assertThat(redisHasKey("groqj:fail-open:bucket:requests")).as("the budget is in Redis again").isTrue();
        assertThat(groq().requestCount()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(Order.DEFAULT + 1) // after the others, which have the default
    void failClosedRefusesUnsentWhileRedisIsAwayThenRecovers() throws Exception {
        RedisRateLimitStore store = store("fail-closed", RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED);
        GroqClient client = calledOnceThroughRedis(store);

        redis.stop();
        try {
            RedisUnavailableException e = catchThrowableOfType(RedisUnavailableException.class,
                    () -> client.chat().create(hello()));
            assertThat(e.statusCode()).isZero();
            assertThat(e.isRetryable()).isFalse();
            assertThat(e).hasMessageContaining("127.0.0.1:" + redis.port());
            assertThat(groq().requestCount()).isEqualTo(1);
        } finally {
            redis.startAgain();
        }
        awaitReconnected(store, client);
        assertThat(client.chat().create(hello()).choices()).hasSize(1);
    }

    @Test
    void aRedisThatWasNeverThereFailsOpenFromTheStart() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RedisRateLimitStore nowhere = RedisRateLimitStore.builder("redis://127.0.0.1:" + port)
                .commandTimeout(Duration.ofMillis(200)).build();
        toClose.add(nowhere);
        GroqClient client = client(nowhere, RateLimitConfig.builder().requestsPerMinute(1).failFast().build());

        assertThat(client.chat().create(hello()).choices()).hasSize(1);
        assertThatThrownBy(() -> client.chat().create(hello())).as("the local budget of the same size")
                .isInstanceOf(BudgetExceededException.class);
        assertThat(nowhere.isConnected()).isFalse();
        assertThat(nowhere.toString()).doesNotContain("redis://");
    }

    /** A client with a budget of 100 a minute in {@code store}, after one call. */
    private GroqClient calledOnceThroughRedis(RedisRateLimitStore store) {
        GroqClient client = client(store, RateLimitConfig.builder().requestsPerMinute(100).failFast().build());
        client.chat().create(hello());
        return client;
    }

    /** Sharing a learned state is asynchronous (never on the call's path): wait until it is in Redis, 5 s at most. */
    private static void awaitKey(String key) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!redisHasKey(key)) {
            if (System.nanoTime() > deadline) throw new AssertionError(key + " did not reach Redis within 5 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Lettuce reconnects by itself every reconnectEvery; calls go through Redis again once it has, 10 s at most. */
    private void awaitReconnected(RedisRateLimitStore store, GroqClient client) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (store.isConnected()) {
                try {
                    client.chat().create(hello());
                    if (redisHasKey("groqj:fail-open:bucket:requests") || store.whenUnreachable()
                            == RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED) return;
                } catch (RedisUnavailableException stillAway) {
                    // not yet
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError("the store did not reconnect within 10 s");
    }

    private static boolean redisHasKey(String key) {
        RedisClient raw = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = raw.connect()) {
            return c.sync().exists(key) == 1;
        } finally {
            raw.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
