package dev.groqj.transport;

import dev.groqj.ChildJvm;
import dev.groqj.ScriptedServer;
import dev.groqj.error.FileSourceException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.groqj.ScriptedServer.Scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link ApacheHttpTransport} does beyond the client-level suites it also runs ({@code *ApacheHttpTest}):
 * bodies streamed from a source, its own timer and its lifecycle; against a real server on loopback.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApacheHttpTransportTest {
    private ScriptedServer server;
    private ApacheHttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        transport = ApacheHttpTransport.create(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private HttpRequest.Builder post(RequestBody body) {
        return HttpRequest.builder().method("POST").uri(URI.create(server.baseUrl() + "/files")).body(body)
                .timeout(Duration.ofSeconds(10));
    }

    /** A body of unknown length, read from a source that counts how often it was opened. */
    private static RequestBody streamed(byte[] bytes, AtomicInteger opens) {
        return new RequestBody() {
            @Override public String contentType() { return "application/octet-stream"; }
            @Override public long contentLength() { return -1; }
            @Override public InputStream open() {
                opens.incrementAndGet();
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    @Test
    void aStreamedBodyIsOpenedAgainForEachSendAndArrivesWhole() throws Exception {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
        AtomicInteger opens = new AtomicInteger();
        HttpRequest request = post(streamed(bytes, opens)).build();
        server.enqueue(Scripted.json(500, "{}"));
        server.enqueue(Scripted.json(200, "{}"));

        assertThat(transport.send(request).statusCode()).isEqualTo(500);
        assertThat(transport.send(request).statusCode()).isEqualTo(200);

        assertThat(opens).hasValue(2);
        assertThat(server.takeRequest().body()).isEqualTo(bytes);
        ScriptedServer.Recorded second = server.takeRequest();
        assertThat(second.body()).isEqualTo(bytes);
        assertThat(second.header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void aBodySourceThatFailsIsAFileSourceExceptionNotANetworkOne() {
        RequestBody unreadable = new RequestBody() {
            @Override public String contentType() { return "application/octet-stream"; }
            @Override public long contentLength() { return 10; }
            @Override public InputStream open() throws IOException { throw new IOException("speech.mp3 is gone"); }
        };

        assertThatThrownBy(() -> transport.send(post(unreadable).build()))
                .isInstanceOf(FileSourceException.class).hasMessageContaining("speech.mp3 is gone")
                .hasMessageContaining("POST /openai/v1/files");
    }

    @Test
    void noAnswerWithinTheTimeoutEndsTheExchangeNamingTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        server.enqueue(Scripted.json(200, "{}").holdUntil(never));
        try {
            assertThatThrownBy(() -> transport.send(HttpRequest.builder().method("GET")
                    .uri(URI.create(server.baseUrl() + "/models")).timeout(Duration.ofMillis(300)).build()))
                    .isInstanceOf(GroqTimeoutException.class).hasMessageContaining("GET /openai/v1/models timed out")
                    .hasMessageContaining("PT0.3S");
        } finally {
            never.countDown();
        }
    }

    @Test
    void closingEndsTheTimerThreadAndRefusesLaterCalls() throws Exception {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[]}"));
        HttpRequest models = HttpRequest.builder().method("GET").uri(URI.create(server.baseUrl() + "/models"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(transport.send(models).bodyAsString()).contains("list");
        Thread timer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("groqj-apache-timer")).findFirst().orElseThrow();

        transport.close();
        timer.join(5_000);

        assertThat(timer.isAlive()).isFalse();
        assertThatThrownBy(() -> transport.send(models)).isInstanceOf(GroqException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> transport.sendAsync(models)).isInstanceOf(GroqException.class)
                .hasMessageContaining("closed");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamClosedBeforeItsEndIsCutNotDrained() throws Exception {
        server.sseEndless("data: {\"x\":1}\n\n");
        StreamingResponse response = transport.sendStreaming(HttpRequest.builder().method("POST")
                .uri(URI.create(server.baseUrl() + "/chat/completions"))
                .body(RequestBody.json("{}".getBytes(StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build());
        assertThat(response.body().read(new byte[100])).isPositive();

        response.close(); // an endless body: draining it would never return

        assertThat(server.awaitClientAbort()).isTrue();
        assertThatThrownBy(() -> response.body().read()).isInstanceOf(IOException.class);
    }

    @Test
    void withoutHttpClient5TheErrorSaysWhatToAdd(@TempDir Path dir) throws Exception {
        String output = ChildJvm.runWithout("httpcomponents", dir, WithoutHttpClient5Main.class);

        assertThat(output).contains("IllegalStateException")
                .contains("add org.apache.httpcomponents.client5:httpclient5 (5.4 or later)");
    }

    /** Builds the transport where httpclient5 is missing; prints what it got. */
    static final class WithoutHttpClient5Main {
        public static void main(String[] args) {
            try {
                ApacheHttpTransport.builder().build();
                System.out.println("built");
            } catch (RuntimeException | LinkageError e) {
                System.out.println(e);
            }
        }
    }

    @Test
    void settingsAreCheckedWhenSet() {
        assertThatThrownBy(() -> ApacheHttpTransport.builder().connectTimeout(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("connectTimeout"));
        assertThatThrownBy(() -> ApacheHttpTransport.builder().maxConnections(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("maxConnections"));
    }
}
