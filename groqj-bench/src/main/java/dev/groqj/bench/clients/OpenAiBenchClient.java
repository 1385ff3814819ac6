package dev.groqj.bench.clients;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.groqj.bench.BenchClient;
import dev.groqj.bench.BenchTls;

/** The official openai-java SDK, as its README sets it up for another base URL: its default OkHttp client. */
public final class OpenAiBenchClient implements BenchClient {
    private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
            .model(MODEL)
            .addUserMessage(PROMPT)
            .build();

    private final OpenAIClient client;

    public OpenAiBenchClient(String baseUrl, BenchTls tls) {
        OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder().apiKey("gsk_bench").baseUrl(baseUrl).maxRetries(0);
        if (tls != null) b.sslSocketFactory(tls.context().getSocketFactory()).trustManager(tls.trustManager());
        this.client = b.build();
    }

    @Override
    public int complete() {
        return client.chat().completions().create(PARAMS).choices().get(0).message().content().orElse("").length();
    }

    @Override
    public Streamed stream() {
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS)) {
            return Chunks.readAll(response.stream().iterator(), OpenAiBenchClient::content);
        }
    }

    @Override
    public OpenStream open() {
        StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(PARAMS);
        return Chunks.openAfterFirst(response.stream().iterator(), OpenAiBenchClient::content, response);
    }

    private static int content(ChatCompletionChunk chunk) {
        return chunk.choices().get(0).delta().content().orElse("").length();
    }

    @Override
    public void close() {
        client.close();
    }
}
