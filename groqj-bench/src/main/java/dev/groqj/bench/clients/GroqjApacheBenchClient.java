package dev.groqj.bench.clients;

import dev.groqj.bench.BenchTls;

/** groqj over its blocking {@code ApacheHttpTransport}: I/O on the caller's thread, as OkHttp does for openai-java. */
public final class GroqjApacheBenchClient extends GroqjBenchClient {
    public GroqjApacheBenchClient(String baseUrl, BenchTls tls) {
        super(baseUrl, tls, true);
    }
}
