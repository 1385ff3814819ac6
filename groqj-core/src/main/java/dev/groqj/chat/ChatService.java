package dev.groqj.chat;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.Usage;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Json;
import dev.groqj.observability.CallInfo;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;
import dev.groqj.transport.RequestBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
                withExtraHeaders(request, options), ChatService::describe);
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
        byte[] body = Json.write(request.streaming());
        return new ChatStream(api.openStream(call("chat.stream", request, body), RequestBody.json(body),
                streamOptions(request, options)));
    }

    static CallInfo.Builder call(String operation, ChatRequest request, byte[] json) {
        return ApiClient.call(operation, "POST", PATH).model(request.model()).request(request)
                .estimatedTokens(estimateTokens(request, json.length));
    }

    static RequestOptions streamOptions(ChatRequest request, RequestOptions options) {
        return withExtraHeaders(request, options).toBuilder().header("Accept", "text/event-stream").build();
    }

    /**
     * A pre-send guess for client-side token budgets, corrected with the real usage afterwards: about four bytes
     * of request JSON per prompt token, plus the completion tokens the request allows (1,024 when unset).
     */
    static long estimateTokens(ChatRequest request, int jsonBytes) {
        Integer max = request.maxCompletionTokens();
        return jsonBytes / 4 + 1 + (max != null ? max : 1024);
    }

    /** What a completion (or a stream's accumulated one) says about itself, for listeners. */
    static ResponseInfo describe(ChatCompletion c) {
        List<String> finishReasons = new ArrayList<>(c.choices().size());
        for (Choice choice : c.choices()) {
            if (choice.finishReason() != null) finishReasons.add(choice.finishReason().value());
        }
        ResponseInfo.Builder info = ResponseInfo.builder().id(c.id()).model(c.model()).finishReasons(finishReasons)
                .requestId(c.xGroq() == null ? null : c.xGroq().id()).value(c);
        Usage u = c.usage();
        if (u != null) {
            info.usage(TokenUsage.of(u.promptTokens(), u.completionTokens()))
                    .queueTime(seconds(u.queueTime())).promptTime(seconds(u.promptTime()))
                    .completionTime(seconds(u.completionTime())).totalTime(seconds(u.totalTime()));
        }
        return info.build();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** The request's own extra headers, under any the per-call options set. */
    static RequestOptions withExtraHeaders(ChatRequest request, RequestOptions options) {
        RequestOptions o = options == null ? RequestOptions.DEFAULT : options;
        if (request.extraHeaders().isEmpty()) return o;
        RequestOptions.Builder merged = o.toBuilder();
        request.extraHeaders().forEach((name, value) -> {
            if (!o.headers().containsKey(name)) merged.header(name, value);
        });
        return merged.build();
    }
}
