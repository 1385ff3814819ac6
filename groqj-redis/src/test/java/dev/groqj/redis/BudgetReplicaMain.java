package dev.groqj.redis;

import dev.groqj.GroqClient;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.resilience.RateLimitConfig;
import dev.groqj.resilience.RetryConfig;

import java.time.Duration;
import java.time.Instant;

/**
 * One replica of the proof in {@link FourJvmsShareOneBudgetTest}: a JVM with its own client and its own Redis store
 * that sends {@code calls} chat requests as fast as the shared budget of {@code rpm} requests a minute lets it.
 * Args: redisUri baseUrl apiKey replica calls rpm scale originEpochMillis.
 */
public final class BudgetReplicaMain {
    private BudgetReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        String redisUri = args[0];
        String baseUrl = args[1];
        String apiKey = args[2];
        int replica = Integer.parseInt(args[3]);
        int calls = Integer.parseInt(args[4]);
        long rpm = Long.parseLong(args[5]);
        ScaledClock clock = new ScaledClock(Instant.ofEpochMilli(Long.parseLong(args[7])), Long.parseLong(args[6]));
        try (RedisRateLimitStore redis = RedisRateLimitStore.builder(redisUri).namespace("proof").clock(clock)
                     .whenUnreachable(RedisRateLimitStore.WhenUnreachable.FAIL_CLOSED) // the proof needs Redis
                     .commandTimeout(Duration.ofSeconds(5)).reconnectEvery(Duration.ofMillis(100)).build();
             GroqClient client = GroqClient.builder().baseUrl(baseUrl).apiKey(apiKey).maxRetries(0)
                     // a second of a busy JVM's start-up is a minute of this clock: no deadline within reach
                     .retryConfig(RetryConfig.builder().maxRetries(0).deadline(Duration.ofDays(30)).build())
                     .rateLimitConfig(RateLimitConfig.builder().requestsPerMinute(rpm)
                             .waitUpTo(Duration.ofHours(1)).build())
                     .rateLimitStore(redis).clock(clock)
                     .sleeper(d -> Thread.sleep(Math.max(1, clock.real(d).toMillis())))
                     .build()) {
            for (int i = 0; i < calls; i++) {
                ChatRequest request = ChatRequest.builder().model("llama-3.1-8b-instant")
                        .addMessage(Message.user("replica " + replica + " call " + i)).maxCompletionTokens(5).build();
                sendRetryingWhileRedisIsAway(client, request);
            }
        }
        System.out.println("replica " + replica + " sent " + calls);
    }

    /**
     * Fail-closed refuses a call unsent while Redis is away (a connection dropped on a machine too busy to answer
     * in time, say); a replica then tries again, as an application would, so that no request is lost. 30 s at most.
     */
    private static void sendRetryingWhileRedisIsAway(GroqClient client, ChatRequest request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                client.chat().create(request);
                return;
            } catch (RedisUnavailableException e) {
                if (System.nanoTime() > deadline) throw e;
                System.out.println("Redis away, trying again: " + e.getMessage());
                Thread.sleep(100);
            }
        }
    }
}
