package dev.groqj.bench;

import java.util.List;

/**
 * One client under test, doing the same work as the others: the harness sees only this.
 *
 * <pre>{@code
 * try (BenchClient c = BenchClient.create("groqj", "http://127.0.0.1:" + port + "/openai/v1")) {
 *     c.complete();
 *     BenchClient.Streamed s = c.stream();   // s.chunks() == 1000
 * }
 * }</pre>
 *
 * Implementations are loaded by name so that a cold-start JVM loads one client's classes and no other's. Each
 * has a constructor {@code (String baseUrl, BenchTls tls)}, {@code tls} null for plain http.
 */
public interface BenchClient extends AutoCloseable {
    List<String> NAMES = List.of("groqj", "groqj-apache", "openai-java", "raw");
    String MODEL = "llama-3.3-70b-versatile";
    String PROMPT = "Invent a new holiday and describe some of its traditions.";

    /** One non-streaming chat completion; returns the length of the answer's content. */
    int complete();

    /** One streamed chat completion read to its end. */
    Streamed stream();

    /** Starts a stream and reads its first chunk, leaving the rest on the wire. */
    OpenStream open();

    @Override
    void close();

    /** What one stream delivered, and when its first chunk arrived ({@link System#nanoTime()}). */
    record Streamed(int chunks, int contentChars, long firstChunkAt) {
    }

    /** A stream whose first chunk has been read. */
    interface OpenStream {
        /** Reads the rest and closes; returns the number of chunks the whole stream carried. */
        int finish();
    }

    static BenchClient create(String name, String baseUrl) {
        return create(name, baseUrl, null);
    }

    /** A client for {@code baseUrl}; for an https one, trusting {@code tls}'s certificate (null for plain http). */
    static BenchClient create(String name, String baseUrl, BenchTls tls) {
        String type;
        switch (name) {
            case "groqj": type = "dev.groqj.bench.clients.GroqjBenchClient"; break;
            case "groqj-apache": type = "dev.groqj.bench.clients.GroqjApacheBenchClient"; break;
            case "openai-java": type = "dev.groqj.bench.clients.OpenAiBenchClient"; break;
            case "raw": type = "dev.groqj.bench.clients.RawBenchClient"; break;
            default: throw new IllegalArgumentException("unknown client: " + name + " (one of " + NAMES + ")");
        }
        try {
            return (BenchClient) Class.forName(type).getConstructor(String.class, BenchTls.class).newInstance(baseUrl, tls);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }
}
