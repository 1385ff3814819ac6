package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.error.ToolUseFailedException;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.ToolThreads;
import dev.groqj.internal.schema.TypedJson;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * The tool loop's state and steps, one instance per run; the blocking, streaming and async forms drive it with
 * their own way of calling the model. Not thread-safe: a run's steps follow each other.
 */
final class ToolRunner {
    private final ChatRequest base;
    private final Map<String, FunctionTool<?>> tools = new LinkedHashMap<>();
    private final ToolRunOptions options;
    private final List<Message> messages;
    private final List<ChatCompletion> rounds = new ArrayList<>();
    private final Map<List<Object>, Integer> calls = new HashMap<>();
    private boolean repaired;

    ToolRunner(ChatRequest request, List<FunctionTool<?>> functionTools, ToolRunOptions options) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(functionTools, "tools == null");
        this.options = Objects.requireNonNull(options, "options == null");
        List<Tool> declared = new ArrayList<>(request.tools() == null ? List.of() : request.tools());
        for (FunctionTool<?> tool : functionTools) {
            if (tools.put(tool.name(), tool) != null) {
                throw new ValidationException("tools", "two tools are named " + tool.name());
            }
            declared.removeIf(t -> t.function() != null && t.function().name().equals(tool.name()));
            declared.add(tool.tool());
        }
        if (tools.isEmpty() && declared.isEmpty()) throw new ValidationException("tools", "a tool run needs tools");
        this.base = request.toBuilder().tools(declared).build();
        this.messages = new ArrayList<>(request.messages());
    }

    /** The next model call: the conversation so far, assistant reasoning kept or stripped by the policy. */
    ChatRequest nextRequest() {
        boolean keep = keepReasoning();
        List<Message> sent = new ArrayList<>(messages.size());
        for (Message m : messages) {
            sent.add(!keep && m.role().equals("assistant") && m.reasoning() != null
                    ? Message.assistant(m.content(), null, m.toolCalls()) : m);
        }
        return base.toBuilder().messages(sent).build();
    }

    private boolean keepReasoning() {
        switch (options.reasoningHistory()) {
            case KEEP: return true;
            case STRIP: return false;
            default: return reasoningModel(base.model());
        }
    }

    /** Groq takes an assistant message's {@code reasoning} only on the models that reason. */
    static boolean reasoningModel(String model) {
        String id = model.toLowerCase(Locale.ROOT);
        return id.contains("gpt-oss") || id.contains("qwen3") || id.contains("qwq") || id.contains("deepseek-r1");
    }

    /**
     * What to do with a failed model call: true to send again (the one repair of a {@code tool_use_failed}, with
     * the error told to the model), false to let it fail.
     */
    boolean repair(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(e instanceof ToolUseFailedException) || !options.repairToolUseFailed() || repaired) return false;
        repaired = true;
        ToolUseFailedException failed = (ToolUseFailedException) e;
        messages.add(Message.user("Your last tool call was rejected: " + failed.getMessage()
                + (failed.failedGeneration().isEmpty() ? "" : "\nYou wrote: " + failed.failedGeneration())
                + "\nCall the tool again with arguments that follow its schema exactly."));
        return true;
    }

    /** Records the round's answer; the calls to run, or null when the model answered and the run is done. */
    List<ToolCall> answered(ChatCompletion completion) {
        rounds.add(completion);
        ResponseMessage message = completion.choices().isEmpty() ? null : completion.choices().get(0).message();
        if (message == null) return null;
        messages.add(Message.assistant(message));
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ToolCall call : message.toolCalls()) if (call.function() != null) toolCalls.add(call);
        if (toolCalls.isEmpty()) return null;
        if (rounds.size() >= options.maxRounds()) {
            throw new ToolRunException(ToolRunException.Reason.MAX_ROUNDS, "the model still called tools after "
                    + rounds.size() + " rounds (maxRounds)", messages, null);
        }
        for (ToolCall call : toolCalls) {
            List<Object> key = List.of(call.function().name(), TypedJson.tree(String.valueOf(call.function().arguments())));
            int times = calls.merge(key, 1, Integer::sum);
            if (times > options.maxIdenticalCalls()) {
                throw new ToolRunException(ToolRunException.Reason.REPEATED_CALL, "the model called "
                        + call.function().name() + " with the same arguments " + times + " times (maxIdenticalCalls "
                        + options.maxIdenticalCalls() + "): " + call.function().arguments(), messages, null);
            }
        }
        return toolCalls;
    }

    ToolRun result() {
        return new ToolRun(messages, rounds);
    }

    /** Runs the calls (in parallel when there are several), then appends one tool message per call, in order. */
    void execute(List<ToolCall> toolCalls) {
        if (toolCalls.size() == 1) {
            addResults(toolCalls, List.of(outcome(toolCalls.get(0))));
            return;
        }
        ExecutorService own = options.executor() == null ? ToolThreads.newExecutor(toolCalls.size()) : null;
        try {
            addResults(toolCalls, join(start(toolCalls, own != null ? own : options.executor())));
        } finally {
            if (own != null) own.shutdown();
        }
    }

    /** As {@link #execute}, never on the calling thread: the async form's callbacks run on the HTTP client's. */
    CompletableFuture<Void> executeAsync(List<ToolCall> toolCalls) {
        ExecutorService own = options.executor() == null ? ToolThreads.newExecutor(toolCalls.size()) : null;
        List<CompletableFuture<Outcome>> started = start(toolCalls, own != null ? own : options.executor());
        return CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0]))
                .whenComplete((v, e) -> {
                    if (own != null) own.shutdown();
                })
                .thenRun(() -> addResults(toolCalls, join(started)));
    }

    private List<CompletableFuture<Outcome>> start(List<ToolCall> toolCalls, Executor executor) {
        List<CompletableFuture<Outcome>> started = new ArrayList<>(toolCalls.size());
        for (ToolCall call : toolCalls) started.add(CompletableFuture.supplyAsync(() -> outcome(call), executor));
        return started;
    }

    private static List<Outcome> join(List<CompletableFuture<Outcome>> started) {
        List<Outcome> outcomes = new ArrayList<>(started.size());
        for (CompletableFuture<Outcome> f : started) {
            try {
                outcomes.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                throw e;
            }
        }
        return outcomes;
    }

    private void addResults(List<ToolCall> toolCalls, List<Outcome> outcomes) {
        for (int i = 0; i < toolCalls.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.error != null && options.onToolError() == ToolRunOptions.ToolErrorPolicy.THROW) {
                throw new ToolRunException(ToolRunException.Reason.TOOL_FAILED, "tool "
                        + toolCalls.get(i).function().name() + " failed: " + o.error, messages, o.error);
            }
        }
        for (int i = 0; i < toolCalls.size(); i++) messages.add(Message.tool(toolCalls.get(i).id(), outcomes.get(i).text));
    }

    /** The handler's result text, or the error the model sees; the listener hears either. */
    private Outcome outcome(ToolCall call) {
        ToolRunListener listener = options.listener();
        listener.started(call);
        Exception error;
        try {
            FunctionTool<?> tool = tools.get(call.function().name());
            if (tool == null) throw new IllegalArgumentException("no tool is named " + call.function().name());
            String result = tool.invoke(call);
            listener.finished(call, result);
            return new Outcome(result, null);
        } catch (UndeclaredThrowableException e) {
            error = e.getUndeclaredThrowable() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            error = e;
        }
        listener.failed(call, error);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Outcome(JsonValue.of(Map.of("error", message)).toJson(), error);
    }

    private static final class Outcome {
        final String text;
        final Exception error;

        Outcome(String text, Exception error) {
            this.text = text;
            this.error = error;
        }
    }

    /** The blocking loop, with {@code send} calling the model once (whole or streamed). */
    ToolRun run(Function<ChatRequest, ChatCompletion> send) {
        while (true) {
            ChatCompletion completion;
            try {
                completion = send.apply(nextRequest());
            } catch (RuntimeException e) {
                if (repair(e)) continue;
                throw e;
            }
            List<ToolCall> toolCalls = answered(completion);
            if (toolCalls == null) return result();
            execute(toolCalls);
        }
    }

    /** The non-blocking loop: each round starts when the previous one's tools have finished. */
    CompletableFuture<ToolRun> runAsync(Function<ChatRequest, CompletableFuture<ChatCompletion>> send) {
        return send.apply(nextRequest()).handle((completion, error) -> {
            if (error != null) {
                if (repair(error)) return runAsync(send);
                return CompletableFuture.<ToolRun>failedFuture(error instanceof CompletionException
                        && error.getCause() != null ? error.getCause() : error);
            }
            List<ToolCall> toolCalls = answered(completion);
            if (toolCalls == null) return CompletableFuture.completedFuture(result());
            return executeAsync(toolCalls).thenCompose(v -> runAsync(send));
        }).thenCompose(f -> f);
    }
}
