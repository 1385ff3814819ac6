package dev.groqj.bench.clients;

import dev.groqj.GroqClient;
import dev.groqj.bench.BenchClient;
import dev.groqj.bench.BenchTls;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.Message;
import dev.groqj.transport.ApacheHttpTransport;
import dev.groqj.transport.HttpTransport;

/**
 * groqj as its README sets it up, with retries off like the others (the server never fails): over its default
 * transport, or over {@link ApacheHttpTransport} ({@link GroqjApacheBenchClient}).
 */
public class GroqjBenchClient implements BenchClient {
    private static final ChatRequest REQUEST = ChatRequest.builder()
            .model(MODEL)
            .addMessage(Message.user(PROMPT))
            .build();

    private final GroqClient client;
    /** The Apache transport, which the client does not close as it was passed in; else null. */
    private final HttpTransport transport;

    public GroqjBenchClient(String baseUrl, BenchTls tls) {
        this(baseUrl, tls, false);
    }

    GroqjBenchClient(String baseUrl, BenchTls tls, boolean apache) {
        GroqClient.Builder b = GroqClient.builder().apiKey("gsk_bench").baseUrl(baseUrl).maxRetries(0);
        if (apache) {
            ApacheHttpTransport.Builder t = ApacheHttpTransport.builder();
            if (tls != null) t.sslContext(tls.context());
            transport = t.build();
            b.transport(transport);
        } else {
            transport = null;
            if (tls != null) b.sslContext(tls.context());
        }
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
        if (transport != null) transport.close();
    }
}
