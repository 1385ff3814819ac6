package dev.groqj.audio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.groqj.GroqConfig;
import dev.groqj.auth.ApiKeyAuth;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.resilience.ResilienceOrchestrator;
import dev.groqj.resilience.Sleeper;
import dev.groqj.transport.JdkHttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK HTTP server on 127.0.0.1 for the audio tests: each test says how to answer, the server keeps what arrived.
 */
final class LoopbackServer implements AutoCloseable {
    static final String KEY = "gsk_audio_test_0123456789abcdef";

    /** A request as it arrived: the whole body is kept, so tests can parse it. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Writes the answer; the request body was already read. */
    interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Answer answer = ex -> ex.sendResponseHeaders(500, -1);

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1";
    }

    /** The client pipeline the services use, pointed at this server, with no retries. */
    ApiClient apiClient() {
        return apiClient(baseUrl(), 0, Sleeper.SYSTEM);
    }

    /** The client pipeline with {@code maxRetries}; backoffs go to {@code sleeper}. */
    static ApiClient apiClient(String baseUrl, int maxRetries, Sleeper sleeper) {
        GroqConfig config = GroqConfig.builder().apiKey(KEY).baseUrl(baseUrl).maxRetries(maxRetries).build();
        ResilienceOrchestrator resilience = ResilienceOrchestrator.builder()
                .retryConfig(config.retryConfig())
                .sleeper(sleeper)
                .build();
        return new ApiClient(config, JdkHttpTransport.create(Duration.ofSeconds(5)), new ApiKeyAuth(config.apiKey()),
                resilience);
    }

    LoopbackServer answer(Answer answer) {
        this.answer = answer;
        return this;
    }

    /** Answers {@code status} with {@code body} of {@code contentType}. */
    LoopbackServer answer(int status, String contentType, byte[] body) {
        return answer(ex -> {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
        });
    }

    /** Requests that arrived and were not taken yet. */
    int pending() {
        return received.size();
    }

    Received take() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no request arrived within 10 s");
        return r;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            answer.write(exchange);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
