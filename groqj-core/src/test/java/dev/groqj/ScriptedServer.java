package dev.groqj;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that answers with scripted responses, in order, and journals what it got.
 * The core's socket-level tests use it (the testkit's FakeGroqServer depends on the core, so it can't be used here).
 */
public final class ScriptedServer implements AutoCloseable {
    public record Recorded(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {
        public String bodyAsString() { return new String(body, StandardCharsets.UTF_8); }
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            }
            return null;
        }
    }

    /** A scripted answer. {@code chunks} are written and flushed one by one; {@code cutAfterChunks} &ge; 0 drops the connection there. */
    public record Scripted(int status, Map<String, String> headers, List<byte[]> chunks, int cutAfterChunks,
                    CountDownLatch releaseBeforeHeaders, int repeatLast) {
        Scripted(int status, Map<String, String> headers, List<byte[]> chunks, int cutAfterChunks,
                 CountDownLatch releaseBeforeHeaders) {
            this(status, headers, chunks, cutAfterChunks, releaseBeforeHeaders, 0);
        }

        public static Scripted json(int status, String body) {
            return new Scripted(status, Map.of("Content-Type", "application/json"),
                    List.of(body.getBytes(StandardCharsets.UTF_8)), -1, null);
        }

        public static Scripted sse(String... events) {
            List<byte[]> chunks = new ArrayList<>();
            for (String e : events) chunks.add(e.getBytes(StandardCharsets.UTF_8));
            return new Scripted(200, Map.of("Content-Type", "text/event-stream"), chunks, -1, null);
        }

        public Scripted withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Scripted(status, h, chunks, cutAfterChunks, releaseBeforeHeaders, repeatLast);
        }

        Scripted cutAfter(int chunks) {
            return new Scripted(status, headers, this.chunks, chunks, releaseBeforeHeaders, repeatLast);
        }

        public Scripted holdUntil(CountDownLatch latch) {
            return new Scripted(status, headers, chunks, cutAfterChunks, latch, repeatLast);
        }

        /** After the chunks, writes the last one again up to {@code times} times, stopping when the client goes away. */
        Scripted repeatLast(int times) {
            return new Scripted(status, headers, chunks, cutAfterChunks, releaseBeforeHeaders, times);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Scripted> script = new ConcurrentLinkedDeque<>();
    private final BlockingQueue<Recorded> journal = new LinkedBlockingQueue<>();
    private final CountDownLatch clientAborted = new CountDownLatch(1);
    private volatile java.util.function.Function<Recorded, Scripted> fallback;

    public ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024); // room for many connects at once
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/v1";
    }

    public ScriptedServer enqueue(Scripted response) {
        script.add(response);
        return this;
    }

    public Recorded takeRequest() throws InterruptedException {
        Recorded r = journal.poll(10, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no request arrived within 10 s");
        return r;
    }

    /** Answers every request the script does not cover (thread-safe functions only: requests run concurrently). */
    public void otherwise(java.util.function.Function<Recorded, Scripted> answer) {
        this.fallback = answer;
    }

    /** Scripts a JSON answer; {@code headerPairs} are name, value, name, value. */
    public void json(int status, String body, String... headerPairs) {
        Scripted s = Scripted.json(status, body);
        for (int i = 0; i < headerPairs.length; i += 2) s = s.withHeader(headerPairs[i], headerPairs[i + 1]);
        enqueue(s);
    }

    /** Scripts a 200 event stream, written in pieces of {@code pieceBytes} bytes (0: one piece per event). */
    public void sse(List<String> events, int pieceBytes) {
        if (pieceBytes <= 0) {
            enqueue(Scripted.sse(events.toArray(String[]::new)));
            return;
        }
        byte[] all = String.join("", events).getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < all.length; i += pieceBytes) {
            pieces.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + pieceBytes)));
        }
        enqueue(new Scripted(200, Map.of("Content-Type", "text/event-stream"), pieces, -1, null));
    }

    /** Scripts a stream that sends {@code events} and then drops the connection. */
    public void sseCut(List<String> events) {
        enqueue(Scripted.sse(events.toArray(String[]::new)).cutAfter(events.size()));
    }

    /** Scripts a stream that repeats {@code event} until the client goes away (bounded). */
    public void sseEndless(String event) {
        enqueue(Scripted.sse(event).repeatLast(1_000_000));
    }

    /**
     * Scripts a stream whose one {@code data:} line never ends: pieces of {@code pieceBytes} bytes of {@code x} until
     * the client goes away, {@code maxBytes} at the most (the bound only turns a client that never stops into a
     * failed test).
     */
    public void sseEndlessLine(int pieceBytes, long maxBytes) {
        enqueue(Scripted.sse("data: ", "x".repeat(pieceBytes)).repeatLast((int) (maxBytes / pieceBytes)));
    }

    /** Scripts a recorded exchange: its status, content type and body bytes, in 1 KiB pieces. */
    public void replay(Fixtures.Interaction interaction) {
        byte[] body = interaction.responseBody();
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < body.length; i += 1024) {
            pieces.add(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + 1024)));
        }
        if (pieces.isEmpty()) pieces.add(new byte[0]);
        Map<String, String> headers = new LinkedHashMap<>();
        interaction.responseHeaders().toMap().forEach((k, v) -> headers.put(k, v.get(0)));
        headers.put("content-type", interaction.contentType() == null ? "application/json" : interaction.contentType());
        enqueue(new Scripted(interaction.status(), headers, pieces, -1, null));
    }

    /** Waits until a client went away while a response was being written. */
    public boolean awaitClientAbort() throws InterruptedException {
        return clientAborted.await(10, TimeUnit.SECONDS);
    }

    public int requestCount() {
        return journal.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                Map.copyOf(exchange.getRequestHeaders()), body);
        journal.add(recorded);
        Scripted s = script.poll();
        if (s == null && fallback != null) s = fallback.apply(recorded);
        if (s == null) s = Scripted.json(500, "{\"error\":{\"message\":\"nothing scripted\"}}");
        if (s.releaseBeforeHeaders() != null) {
            try {
                s.releaseBeforeHeaders().await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        s.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        long total = s.chunks().stream().mapToLong(c -> c.length).sum();
        boolean streamed = s.chunks().size() > 1 || s.cutAfterChunks() >= 0 || s.repeatLast() > 0;
        // a cut declares more bytes than it sends, so the client sees the connection end early
        exchange.sendResponseHeaders(s.status(), s.cutAfterChunks() >= 0 ? total + 1 : streamed ? 0 : (total == 0 ? -1 : total));
        OutputStream out = exchange.getResponseBody();
        try {
            for (int i = 0; i < s.chunks().size(); i++) {
                if (i == s.cutAfterChunks()) break;
                out.write(s.chunks().get(i));
                out.flush();
            }
            byte[] last = s.chunks().get(s.chunks().size() - 1);
            for (int i = 0; i < s.repeatLast(); i++) {
                out.write(last);
                out.flush();
            }
        } catch (IOException clientWentAway) {
            clientAborted.countDown();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
