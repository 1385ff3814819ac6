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
     * The answer parsed into {@code type}. Unless the request sets {@code response_format}, it asks for JSON that
     * follows a strict schema derived from {@code type} (a record or class; see {@link Description}).
     *
     * @throws dev.groqj.error.ValidationException naming {@code response_format.json_schema.schema} for a type a
     *                                             strict schema cannot express (a Map, a cycle)
     * @throws dev.groqj.error.StructuredOutputException when the answer does not parse, with the raw content
     * @throws dev.groqj.error.RefusalException when the model refused to answer
     */
    public <T> StructuredCompletion<T> create(ChatRequest request, Class<T> type) {
        return create(request, type, RequestOptions.DEFAULT);
    }

    public <T> StructuredCompletion<T> create(ChatRequest request, Class<T> type, RequestOptions options) {
        return StructuredOutputs.parse(create(StructuredOutputs.request(request, type), options), type);
    }

    /**
     * Runs the tool loop: sends the request with the tools, runs the calls the model asks for (parallel calls
     * concurrently), sends their results back, and repeats until the model answers without calling a tool.
     *
     * @throws ToolRunException when the loop stops early (too many rounds, a repeated call, a failed handler
     *                          under {@link ToolRunOptions.ToolErrorPolicy#THROW}), with the transcript
     */
    public ToolRun runTools(ChatRequest request, List<FunctionTool<?>> tools) {
        return runTools(request, tools, ToolRunOptions.DEFAULT);
    }

    public ToolRun runTools(ChatRequest request, List<FunctionTool<?>> tools, ToolRunOptions options) {
        return new ToolRunner(request, tools, options).run(r -> create(r, options.requestOptions()));
    }

    /**
     * {@link #runTools(ChatRequest, List, ToolRunOptions)} with each round streamed: the options' listener hears
     * every chunk as it arrives, between the tool events.
     */
    public ToolRun runToolsStreaming(ChatRequest request, List<FunctionTool<?>> tools, ToolRunOptions options) {
        return new ToolRunner(request, tools, options).run(r -> {
            ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
            try (ChatStream stream = stream(r, options.requestOptions())) {
                for (ChatCompletionChunk chunk : stream) {
                    accumulator.add(chunk);
                    options.listener().chunk(chunk);
                }
            }
            return accumulator.build();
        });
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
