package dev.groqj;

import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.Message;
import dev.groqj.error.ApiException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.ResponseTooLargeException;
import dev.groqj.error.ServerException;
import dev.groqj.error.StreamException;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.transport.JdkHttpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.groqj.HostileServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a hostile server on loopback can do to a call, and what the caller gets instead. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrustHttpTest {
    private static final String KEY = "gsk_trust_test_key_0123456789";
    private static final ChatRequest HELLO = ChatRequest.builder().model("llama-3.3-70b-versatile")
            .addMessage(Message.user("Hello")).build();
    private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";

    /** The builder every client of this class starts from; {@link TrustApacheHttpTest} passes another transport. */
    GroqClient.Builder builder() {
        return GroqClient.builder();
    }

    private GroqClient.Builder client(HostileServer server) {
        return builder().apiKey(KEY).baseUrl(server.baseUrl()).maxRetries(0);
    }

    private static HostileServer.Answer headersThen(String contentHeaders, HostileServer.Answer body) {
        return (out, server) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\n" + contentHeaders + "\r\n"));
            out.flush();
            body.write(out, server);
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectToAnotherOriginIsNeverFollowed(int status) throws Exception {
        try (HostileServer elsewhere = new HostileServer((out, s) -> out.write(ascii("HTTP/1.1 200 OK\r\n\r\n")));
             HostileServer server = new HostileServer((out, s) -> out.write(ascii("HTTP/1.1 " + status + " Moved\r\n"
                     + "Location: http://localhost:" + elsewhere.port() + "/steal\r\nContent-Length: 0\r\n\r\n")));
             GroqClient client = client(server).maxRetries(2).build()) {
            String location = "http://localhost:" + elsewhere.port() + "/steal";

            for (Runnable call : List.<Runnable>of(() -> client.chat().create(HELLO),
                    () -> client.chat().stream(HELLO).close(),
                    () -> client.async().chat().create(HELLO).join())) {
                assertThatThrownBy(call::run)
                        .satisfies(e -> {
                            ApiException api = (ApiException) (e instanceof CompletionException ? e.getCause() : e);
                            assertThat(api.statusCode()).isEqualTo(status);
                            assertThat(api.getMessage()).contains(location).doesNotContain(KEY);
                            assertThat(api.isRetryable()).isFalse();
                        });
            }
            assertThat(elsewhere.heads()).isEmpty();
            assertThat(server.heads()).hasSize(3);
        }
    }

    @Test
    void bodyThatStallsAfterTheHeadersEndsAtTheReadTimeout() throws Exception {
        try (HostileServer server = new HostileServer(headersThen("Content-Type: application/json\r\n"
                + "Content-Length: 1000\r\n", (out, s) -> {
                    out.write(ascii("{\"id\":"));
                    out.flush();
                    s.awaitClose();
                }));
             GroqClient client = client(server).readTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> client.chat().create(HELLO))
                    .isInstanceOf(GroqTimeoutException.class).hasMessageContaining("readTimeout");
            assertThatThrownBy(() -> client.async().chat().create(HELLO).join())
                    .hasCauseInstanceOf(GroqTimeoutException.class);
        }
    }

    @Test
    void dripFeedingBodyEndsAtTheCallDeadline() throws Exception {
        HostileServer.Answer drip = (out, s) -> {
            while (true) {
                out.write(' ');
                out.flush();
                Thread.sleep(20); // the server's pace, not a test wait
            }
        };
        try (HostileServer server = new HostileServer(headersThen("Content-Type: application/json\r\n"
                + "Content-Length: 100000000\r\n", drip));
             GroqClient client = client(server)
                     .retryConfig(RetryConfig.builder().maxRetries(0).deadline(Duration.ofMillis(700)).build())
                     .build()) {
            assertThatThrownBy(() -> client.chat().create(HELLO))
                    .isInstanceOf(GroqTimeoutException.class).hasMessageContaining("deadline");
            assertThatThrownBy(() -> client.async().chat().create(HELLO).join())
                    .hasCauseInstanceOf(GroqTimeoutException.class);
            assertThatThrownBy(() -> client.chat().create(HELLO,
                    RequestOptions.builder().deadline(Duration.ofMillis(300)).build()))
                    .isInstanceOf(GroqTimeoutException.class);
            assertThat(server.awaitClientAborts(3, 10)).isTrue();
        }
    }

    @Test
    void streamThatStallsEndsWithTheChunksSoFarAndATimeout() throws Exception {
        try (HostileServer server = new HostileServer(headersThen("Content-Type: text/event-stream\r\n", (out, s) -> {
                    out.write(ascii(CHUNK));
                    out.flush();
                    s.awaitClose();
                }));
             GroqClient client = client(server).readTimeout(Duration.ofMillis(300)).build()) {
            List<ChatCompletionChunk> got = new ArrayList<>();
            try (ChatStream stream = client.chat().stream(HELLO)) {
                assertThatThrownBy(() -> stream.forEach(got::add))
                        .isInstanceOf(StreamException.class)
                        .hasCauseInstanceOf(GroqTimeoutException.class)
                        .satisfies(e -> assertThat(((StreamException) e).partialContent()).isEqualTo("Hi"));
            }
            assertThat(got).hasSize(1);
        }
    }

    @Test
    void endlessAnswerFailsPastTheCapAndAbortsTheExchange() throws Exception {
        byte[] block = new byte[64 * 1024];
        HostileServer.Answer endless = (out, s) -> {
            while (true) out.write(block);
        };
        try (HostileServer server = new HostileServer(headersThen("Content-Type: application/json\r\n"
                + "Content-Length: 2000000000\r\n", endless));
             GroqClient client = client(server).maxResponseBytes(1 << 20).build()) {
            assertThatThrownBy(() -> client.chat().create(HELLO))
                    .isInstanceOf(ResponseTooLargeException.class)
                    .satisfies(e -> assertThat(((ResponseTooLargeException) e).limitBytes()).isEqualTo(1 << 20));
            assertThatThrownBy(() -> client.async().chat().create(HELLO).join())
                    .hasCauseInstanceOf(ResponseTooLargeException.class);
            assertThat(server.awaitClientAborts(2, 10)).isTrue();
        }
    }

    @Test
    void hugeErrorBodyIsCutNotHeld() throws Exception {
        byte[] block = new byte[64 * 1024];
        try (HostileServer server = new HostileServer((out, s) -> {
                    out.write(ascii("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
                            + "Content-Length: 2000000000\r\n\r\n"));
                    while (true) out.write(block);
                });
             GroqClient client = client(server).build()) {
            assertThatThrownBy(() -> client.chat().create(HELLO))
                    .isInstanceOf(ServerException.class)
                    .satisfies(e -> assertThat(((GroqException) e).rawBody().length()).isLessThanOrEqualTo(1 << 20));
            assertThat(server.awaitClientAborts(1, 10)).isTrue();
        }
    }

    @Test
    void closedClientSendsNothingMoreAndEndsItsThreads() throws Exception {
        try (HostileServer server = new HostileServer((out, s) -> out.write(ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")))) {
            Set<Thread> before = threadsNamed("groqj-http-"); // other tests' clients may still have theirs
            GroqClient client = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).build();
            client.async().models().list().join(); // starts the pooled client and its threads
            assertThat(threadsNamed("groqj-http-")).isNotEqualTo(before);
            client.close();

            assertThatThrownBy(() -> client.chat().create(HELLO))
                    .isInstanceOf(GroqException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> client.async().chat().create(HELLO).join())
                    .hasMessageContaining("closed");
            assertThat(server.heads()).hasSize(1);
            assertThat(awaitOnly(before, "groqj-http-")).isTrue();
        }
    }

    @Test
    void aTransportPassedInIsTheUsersToClose() throws Exception {
        try (HostileServer server = new HostileServer((out, s) -> out.write(ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")));
             JdkHttpTransport transport = JdkHttpTransport.create(Duration.ofSeconds(5))) {
            GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).transport(transport).build().close();
            try (GroqClient other = GroqClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).transport(transport).build()) {
                other.models().list();
            }
            assertThat(server.heads()).hasSize(1);
        }
    }

    private static Set<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).collect(Collectors.toSet());
    }

    /** Waits (bounded: 5 s) until the threads named so are only {@code allowed}. */
    private static boolean awaitOnly(Set<Thread> allowed, String prefix) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (allowed.containsAll(threadsNamed(prefix))) return true;
            Thread.sleep(10);
        }
        return false;
    }
}
