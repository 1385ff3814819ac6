package dev.groqj.bench.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.bench.BenchClient;
import dev.groqj.bench.BenchTls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The floor: what a careful programmer writes with no SDK — {@code java.net.http} and one Jackson mapper,
 * requests built as trees, responses read as trees, SSE read line by line.
 */
public final class RawBenchClient implements BenchClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI uri;

    /** HTTP/1.1 on plain http (no h2c upgrade round trip), the JDK's default HTTP/2 with ALPN over TLS. */
    public RawBenchClient(String baseUrl, BenchTls tls) {
        this.uri = URI.create(baseUrl + "/chat/completions");
        this.http = tls == null
                ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(tls.context()).build();
    }

    @Override
    public int complete() {
        HttpResponse<byte[]> response = send(false, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return MAPPER.readTree(response.body()).path("choices").path(0).path("message").path("content").asText().length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Streamed stream() {
        try (Lines lines = openLines()) {
            return Chunks.readAll(lines, RawBenchClient::content);
        }
    }

    @Override
    public OpenStream open() {
        Lines lines = openLines();
        return Chunks.openAfterFirst(lines, RawBenchClient::content, lines);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads are daemons
    }

    private Lines openLines() {
        return new Lines(send(true, HttpResponse.BodyHandlers.ofInputStream()).body());
    }

    private static int content(String json) {
        try {
            JsonNode delta = MAPPER.readTree(json).path("choices").path(0).path("delta");
            return delta.path("content").asText().length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> HttpResponse<T> send(boolean stream, HttpResponse.BodyHandler<T> handler) {
        ObjectNode body = MAPPER.createObjectNode().put("model", MODEL);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        if (stream) body.put("stream", true);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer gsk_bench")
                    .header("Content-Type", "application/json")
                    .header("Accept", stream ? "text/event-stream" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
                    .build();
            HttpResponse<T> response = http.send(request, handler);
            if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code data:} payloads of an event stream, up to {@code [DONE]}. */
    private static final class Lines implements Iterator<String>, AutoCloseable {
        private final BufferedReader reader;
        private String next;

        Lines(InputStream in) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192);
        }

        @Override
        public boolean hasNext() {
            if (next == null) next = nextData();
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) throw new NoSuchElementException();
            String data = next;
            next = null;
            return data;
        }

        private String nextData() {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.startsWith("data: ")) continue;
                    String data = line.substring(6);
                    return data.equals("[DONE]") ? null : data;
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
