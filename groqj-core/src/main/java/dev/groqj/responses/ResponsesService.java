package dev.groqj.responses;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Operation;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Responses API (beta): one call that can reason, call your functions, search the web, run code and use remote
 * MCP servers, whole or streamed as typed events. Obtained from {@link dev.groqj.GroqClient#responses()}.
 *
 * <pre>{@code
 * Response r = client.responses().create(ResponseRequest.builder()
 *         .model("openai/gpt-oss-20b").input("Tell me a fact about the moon.").build());
 * System.out.println(r.outputText());
 * try (ResponseStream events = client.responses().stream(request)) {
 *     for (ResponseEvent e : events) if (e instanceof ResponseEvent.OutputTextDelta d) System.out.print(d.delta());
 * }
 * }</pre>
 */
public final class ResponsesService {
    private static final String PATH = "/responses";

    static final Operation<ResponseRequest, Response> CREATE =
            responses("responses.create").json(r -> r).returning(Response.class)
                    .describedBy(ResponsesService::describe);
    /** Decoding is the stream's: {@link ResponseEvents} reads the events. */
    static final Operation<ResponseRequest, Void> STREAM =
            responses("responses.stream").json(ResponseRequest::streaming)
                    .options((r, o) -> o.toBuilder().header("Accept", "text/event-stream").build())
                    .returning((r, response) -> null);

    private final ApiClient api;

    ResponsesService(ApiClient api) {
        this.api = api;
    }

    public Response create(ResponseRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public Response create(ResponseRequest request, RequestOptions options) {
        return api.call(CREATE, request, options);
    }

    /** The response with the HTTP answer's status and headers. */
    public GroqResponse<Response> createWithResponse(ResponseRequest request, RequestOptions options) {
        return api.execute(CREATE, request, options);
    }

    /**
     * The output text parsed into {@code type}. Unless the request sets {@code text.format}, it asks for JSON that
     * follows a strict schema derived from {@code type} (a record or class; see {@link dev.groqj.chat.Description}).
     *
     * @throws dev.groqj.error.ValidationException naming {@code text.format.schema} for a type a strict schema
     *                                             cannot express (a Map, a cycle)
     * @throws dev.groqj.error.StructuredOutputException when the text does not parse (or was cut off), with it
     * @throws dev.groqj.error.RefusalException when the model refused to answer
     */
    public <T> StructuredResponse<T> create(ResponseRequest request, Class<T> type) {
        return create(request, type, RequestOptions.DEFAULT);
    }

    public <T> StructuredResponse<T> create(ResponseRequest request, Class<T> type, RequestOptions options) {
        return TypedResponses.parse(create(TypedResponses.request(request, type), options), type);
    }

    /**
     * Runs the tool loop: sends the request with the tools (declared from each {@link FunctionTool}), runs the
     * function calls of each response (several concurrently), sends the calls and their outputs back as input,
     * and repeats until a response calls no function. The options are chat's, but for the reasoning policy:
     * reasoning items are not sent back.
     *
     * @throws ResponseToolRunException when the loop stops early (too many rounds, a repeated call, a failed
     *                                  handler under {@link ToolRunOptions.ToolErrorPolicy#THROW}), with the input
     */
    public ResponseToolRun runTools(ResponseRequest request, List<FunctionTool<?>> tools) {
        return runTools(request, tools, ToolRunOptions.DEFAULT);
    }

    public ResponseToolRun runTools(ResponseRequest request, List<FunctionTool<?>> tools, ToolRunOptions options) {
        return new ResponseToolRunner(request, tools, options).run(r -> create(r, options.requestOptions()));
    }

    /**
     * {@link #runTools(ResponseRequest, List, ToolRunOptions)} with each round streamed: {@code onEvent} sees every
     * event as it arrives, between the listener's tool events.
     */
    public ResponseToolRun runToolsStreaming(ResponseRequest request, List<FunctionTool<?>> tools,
                                             ToolRunOptions options, Consumer<? super ResponseEvent> onEvent) {
        Objects.requireNonNull(onEvent, "onEvent == null");
        return new ResponseToolRunner(request, tools, options).run(r -> {
            try (ResponseStream events = stream(r, options.requestOptions())) {
                for (ResponseEvent event : events) onEvent.accept(event);
                return events.accumulate();
            }
        });
    }

    /**
     * Streams the response as typed events. Close the stream (try-with-resources) if you stop early: that aborts
     * the HTTP exchange. A failure before the first event is retried like any call; after it, never.
     */
    public ResponseStream stream(ResponseRequest request) {
        return stream(request, RequestOptions.DEFAULT);
    }

    public ResponseStream stream(ResponseRequest request, RequestOptions options) {
        return new ResponseStream(api.openStream(STREAM, request, options));
    }

    /** A call's description carries its model and a token estimate for listeners and budgets. */
    private static Operation.Shape<ResponseRequest> responses(String name) {
        return Operation.<ResponseRequest>post(name, r -> PATH).annotate((request, body, call) -> call
                .model(request.model()).request(request)
                .estimatedTokens(body.contentLength() / 4 + 1
                        + (request.maxOutputTokens() != null ? request.maxOutputTokens() : 1024)));
    }

    /** What a response says about itself, for listeners and budgets. */
    static ResponseInfo describe(Response r) {
        ResponseInfo.Builder info = ResponseInfo.builder().id(r.id()).model(r.model()).value(r);
        if (r.status() != null) info.finishReasons(List.of(r.status()));
        if (r.usage() != null) info.usage(TokenUsage.of(r.usage().inputTokens(), r.usage().outputTokens()));
        return info.build();
    }
}
