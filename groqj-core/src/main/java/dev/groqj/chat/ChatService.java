package dev.groqj.chat;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Json;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.TokenUsage;
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
        byte[] json = Json.write(request);
        return api.postJsonWithResponse(call("chat.create", request, json), json, ChatCompletion.class,
                withExtraHeaders(request, options), ChatService::usage);
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
        byte[] body = Json.write(request.streaming());
        return new ChatStream(api.openStream(call("chat.stream", request, body), RequestBody.json(body), o));
    }

    private static CallInfo.Builder call(String operation, ChatRequest request, byte[] json) {
        return ApiClient.call(operation, "POST", PATH).model(request.model())
                .estimatedTokens(estimateTokens(request, json.length));
    }

    /**
     * A pre-send guess for client-side token budgets, corrected with the real usage afterwards: about four bytes
     * of request JSON per prompt token, plus the completion tokens the request allows (1,024 when unset).
     */
    static long estimateTokens(ChatRequest request, int jsonBytes) {
        Integer max = request.maxCompletionTokens();
        return jsonBytes / 4 + 1 + (max != null ? max : 1024);
    }

    static TokenUsage usage(ChatCompletion completion) {
        return usageOf(completion.usage());
    }

    static TokenUsage usageOf(Usage u) {
        return u == null ? null : TokenUsage.of(u.promptTokens(), u.completionTokens());
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
