package dev.groqj.transport;

import dev.groqj.ChildJvm;
import dev.groqj.HostileServer;
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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void closingEndsTheWatchdogThreadAndRefusesLaterCalls() throws Exception {
        server.enqueue(Scripted.json(200, "{\"object\":\"list\",\"data\":[]}"));
        HttpRequest models = HttpRequest.builder().method("GET").uri(URI.create(server.baseUrl() + "/models"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(transport.send(models).bodyAsString()).contains("list");
        Thread timer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("groqj-apache-watchdog")).findFirst().orElseThrow();

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
    void aStreamClosedAfterItsLastEventLeavesTheConnectionForTheNextCall() throws Exception {
        // each answer in one write, so the body's last bytes are there when the client closes after [DONE]
        String events = "data: {\"x\":1}\n\ndata: [DONE]\n\n";
        byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(events.length()) + "\r\n" + events + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serveKeepAlive(listener, answer, connections), "keep-alive-server");
            serving.setDaemon(true);
            serving.start();
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/openai/v1/chat/completions");

            for (int call = 0; call < 3; call++) {
                try (StreamingResponse response = transport.sendStreaming(HttpRequest.builder().method("POST").uri(uri)
                        .body(RequestBody.json("{}".getBytes(StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build())) {
                    byte[] read = new byte[events.length()];
                    int n = 0;
                    while (n < read.length) n += response.body().read(read, n, read.length - n);
                    assertThat(new String(read, StandardCharsets.US_ASCII)).endsWith("[DONE]\n\n");
                } // closed after the last event, before the body's end was read
            }

            assertThat(connections).hasValue(1);
        }
    }

    /** Answers every request on a connection with {@code answer}, counting connections, until the listener closes. */
    private static void serveKeepAlive(ServerSocket listener, byte[] answer, AtomicInteger connections) {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> {
                    try (socket; InputStream in = socket.getInputStream()) {
                        while (readRequest(in)) socket.getOutputStream().write(answer);
                    } catch (IOException e) {
                        // the client went away
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads one request with a Content-Length body; false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) break;
        }
        if (b < 0) return false;
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) in.readNBytes(Integer.parseInt(length.group(1)));
        return true;
    }

    /** Sends the headers of a chunked stream, then nothing. */
    private static HostileServer stallingChunkedStream() throws IOException {
        return new HostileServer((out, server) -> {
            out.write(HostileServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"));
            out.flush();
            server.awaitClose();
        });
    }

    @Test
    void aChunkedStreamThatFallsSilentIsATimeoutNotAnEnd() throws Exception {
        try (HostileServer stalling = stallingChunkedStream();
             StreamingResponse response = transport.sendStreaming(HttpRequest.builder().method("GET")
                     .uri(URI.create(stalling.baseUrl() + "/models")).timeout(Duration.ofSeconds(5))
                     .readTimeout(Duration.ofMillis(200)).build())) {
            assertThatThrownBy(() -> response.body().read())
                    .isInstanceOf(GroqTimeoutException.class).hasMessageContaining("readTimeout");
        }
    }

    @Test
    void aStreamClosedFromAnotherThreadEndsItsReader() throws Exception {
        try (HostileServer stalling = stallingChunkedStream()) {
            StreamingResponse response = transport.sendStreaming(HttpRequest.builder().method("GET")
                    .uri(URI.create(stalling.baseUrl() + "/models")).timeout(Duration.ofSeconds(5)).build());
            CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return new AssertionError("read " + response.body().read());
                } catch (Throwable t) {
                    return t;
                }
            });

            response.close(); // before or during the read: either way the reader ends, and the rest is never awaited

            assertThat(reader.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
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
