package dev.groqj.chat;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Json;
import dev.groqj.transport.RequestBody;

import java.util.Objects;

/**
 * Chat completions, whole or streamed.
 *
 * <pre>{@code
 * ChatCompletion c = client.chat().create(request);
 * try (ChatStream stream = client.chat().stream(request)) {
 *     for (ChatCompletionChunk chunk : stream) System.out.print(chunk.choices().get(0).delta().content());
 * }
 * }</pre>
 */
public final class ChatService {
    private static final String PATH = "/chat/completions";

    private final ApiClient api;

    public ChatService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public ChatCompletion create(ChatRequest request) {
        return createWithResponse(request, RequestOptions.DEFAULT).value();
    }

    public ChatCompletion create(ChatRequest request, RequestOptions options) {
        return createWithResponse(request, options).value();
    }

    /** The completion with the HTTP answer's status and headers. */
    public GroqResponse<ChatCompletion> createWithResponse(ChatRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return api.postJsonWithResponse("chat.create", PATH, request, ChatCompletion.class, withExtraHeaders(request, options));
    }

    /**
     * Streams the completion as chunks arrive. Close the stream (try-with-resources) if you stop early: that
     * aborts the HTTP exchange. A failure before the first chunk is retried like any call; after it, never.
     */
    public ChatStream stream(ChatRequest request) {
        return stream(request, RequestOptions.DEFAULT);
    }

    public ChatStream stream(ChatRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        RequestOptions o = withExtraHeaders(request, options).toBuilder().header("Accept", "text/event-stream").build();
        return new ChatStream(api.sendStreaming("chat.stream", "POST", PATH,
                RequestBody.json(Json.write(request.streaming())), o));
    }

    /** The request's own extra headers, under any the per-call options set. */
    private static RequestOptions withExtraHeaders(ChatRequest request, RequestOptions options) {
        RequestOptions o = options == null ? RequestOptions.DEFAULT : options;
        if (request.extraHeaders().isEmpty()) return o;
        RequestOptions.Builder merged = o.toBuilder();
        request.extraHeaders().forEach((name, value) -> {
            if (!o.headers().containsKey(name)) merged.header(name, value);
        });
        return merged.build();
    }
}
