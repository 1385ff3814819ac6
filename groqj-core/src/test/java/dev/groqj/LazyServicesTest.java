package dev.groqj;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The services are created on first use: each is still one instance per client, whichever thread asks first. */
class LazyServicesTest {
    private static final List<Function<GroqClient, Object>> SERVICES = List.of(
            GroqClient::chat, GroqClient::audio, GroqClient::models, GroqClient::files, GroqClient::batches,
            GroqClient::responses, GroqClient::embeddings, GroqClient::reranking, GroqClient::fineTunings,
            GroqClient::raw, GroqClient::async,
            c -> c.async().chat(), c -> c.async().audio(), c -> c.async().models(), c -> c.async().files(),
            c -> c.async().batches(), c -> c.async().responses(), c -> c.async().embeddings(),
            c -> c.async().reranking(), c -> c.async().fineTunings(), c -> c.async().raw());

    private static GroqClient client() {
        return GroqClient.builder().apiKey("gsk_test_abcdefghijklmnop1234").baseUrl("http://127.0.0.1:9/openai/v1")
                .build();
    }

    @Test
    void eachServiceIsOneInstancePerClient() {
        try (GroqClient client = client(); GroqClient other = client()) {
            for (Function<GroqClient, Object> service : SERVICES) {
                Object first = service.apply(client);
                assertThat(first).isNotNull();
                assertThat(service.apply(client)).isSameAs(first);
                assertThat(service.apply(other)).isNotSameAs(first);
            }
        }
    }

    @Test
    void threadsAskingTogetherGetTheSameInstance() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (GroqClient client = client()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    List<Object> seen = new ArrayList<>();
                    for (Function<GroqClient, Object> service : SERVICES) seen.add(service.apply(client));
                    return seen;
                }));
            }
            start.countDown();
            List<Object> first = answers.get(0).get(30, TimeUnit.SECONDS);
            for (Future<List<Object>> answer : answers) {
                List<Object> seen = answer.get(30, TimeUnit.SECONDS);
                for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isSameAs(first.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
