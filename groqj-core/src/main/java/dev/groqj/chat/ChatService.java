package dev.groqj.chat;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.Usage;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Operation;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    static final Operation<ChatRequest, ChatCompletion> CREATE =
            chat("chat.create").json(r -> r).options(ChatService::withExtraHeaders)
                    .returning(ChatCompletion.class).describedBy(ChatService::describe);
    /** Decoding is the stream's: {@link ChatStream} and {@link ChunkPublisher} read the events. */
    static final Operation<ChatRequest, Void> STREAM =
            chat("chat.stream").json(ChatRequest::streaming).options(ChatService::streamOptions)
                    .returning((r, response) -> null);

    private final ApiClient api;

    ChatService(ApiClient api) {
        this.api = api;
    }

    public ChatCompletion create(ChatRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public ChatCompletion create(ChatRequest request, RequestOptions options) {
        return api.call(CREATE, request, options);
    }

    /** The completion with the HTTP answer's status and headers. */
    public GroqResponse<ChatCompletion> createWithResponse(ChatRequest request, RequestOptions options) {
        return api.execute(CREATE, request, options);
    }

    /**
     * Streams the completion as chunks arrive. Close the stream (try-with-resources) if you stop early: that
     * aborts the HTTP exchange. A failure before the first chunk is retried like any call; after it, never.
     */
    public ChatStream stream(ChatRequest request) {
        return stream(request, RequestOptions.DEFAULT);
    }

    public ChatStream stream(ChatRequest request, RequestOptions options) {
        return new ChatStream(api.openStream(STREAM, request, options));
    }

    /** A chat call's description carries its model, request and token estimate for listeners and budgets. */
    private static Operation.Shape<ChatRequest> chat(String name) {
        return Operation.<ChatRequest>post(name, r -> PATH).annotate((request, body, call) -> call
                .model(request.model()).request(request)
                .estimatedTokens(estimateTokens(request, body.contentLength())));
    }

    static RequestOptions streamOptions(ChatRequest request, RequestOptions options) {
        return withExtraHeaders(request, options).toBuilder().header("Accept", "text/event-stream").build();
    }

    /**
     * A pre-send guess for client-side token budgets, corrected with the real usage afterwards: about four bytes
     * of request JSON per prompt token, plus the completion tokens the request allows (1,024 when unset).
     */
    static long estimateTokens(ChatRequest request, long jsonBytes) {
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
    private static RequestOptions withExtraHeaders(ChatRequest request, RequestOptions o) {
        if (request.extraHeaders().isEmpty()) return o;
        RequestOptions.Builder merged = o.toBuilder();
        request.extraHeaders().forEach((name, value) -> {
            if (!o.headers().containsKey(name)) merged.header(name, value);
        });
        return merged.build();
    }
}
