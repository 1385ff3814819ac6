package dev.groqj.bench.clients;

import dev.groqj.GroqClient;
import dev.groqj.bench.BenchClient;
import dev.groqj.bench.BenchTls;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.Message;

/** groqj as its README sets it up, with retries off like the other two (the server never fails). */
public final class GroqjBenchClient implements BenchClient {
    private static final ChatRequest REQUEST = ChatRequest.builder()
            .model(MODEL)
            .addMessage(Message.user(PROMPT))
            .build();

    private final GroqClient client;

    public GroqjBenchClient(String baseUrl, BenchTls tls) {
        GroqClient.Builder b = GroqClient.builder().apiKey("gsk_bench").baseUrl(baseUrl).maxRetries(0);
        if (tls != null) b.sslContext(tls.context());
        this.client = b.build();
    }

    @Override
    public int complete() {
        String content = client.chat().create(REQUEST).choices().get(0).message().content();
        return content == null ? 0 : content.length();
    }

    @Override
    public Streamed stream() {
        try (ChatStream stream = client.chat().stream(REQUEST)) {
            return Chunks.readAll(stream.iterator(), GroqjBenchClient::content);
        }
    }

    @Override
    public OpenStream open() {
        ChatStream stream = client.chat().stream(REQUEST);
        return Chunks.openAfterFirst(stream.iterator(), GroqjBenchClient::content, stream);
    }

    private static int content(ChatCompletionChunk chunk) {
        String content = chunk.choices().get(0).delta().content();
        return content == null ? 0 : content.length();
    }

    @Override
    public void close() {
        client.close();
    }
}
