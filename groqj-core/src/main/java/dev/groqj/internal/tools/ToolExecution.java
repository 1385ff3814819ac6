package dev.groqj.internal.tools;

import dev.groqj.JsonValue;
import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolRunException;
import dev.groqj.chat.ToolRunListener;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.schema.TypedJson;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * What any tool loop does with the calls of one answer, whatever API the answer came from (chat completions
 * and the Responses API's function calls, turned into {@link ToolCall}s): find each call's tool, run
 * the handlers (concurrently when there are several), tell the listener, turn failures into error results or a
 * thrown failure, and catch a model that repeats itself. Not API; one instance per run.
 */
public final class ToolExecution {
    private final Map<String, FunctionTool<?>> tools = new LinkedHashMap<>();
    private final ToolRunOptions options;
    private final Map<List<Object>, Integer> seen = new HashMap<>();

    public ToolExecution(List<FunctionTool<?>> functionTools, ToolRunOptions options) {
        this.options = options;
        for (FunctionTool<?> tool : functionTools) {
            if (tools.put(tool.name(), tool) != null) {
                throw new ValidationException("tools", "two tools are named " + tool.name());
            }
        }
    }

    /** How the loop reports a stop: the exception, with the loop's own transcript. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(ToolRunException.Reason reason, String message, Throwable cause);
    }

    /** A call's result: the tool message's text, and the failure behind it when it is an error result. */
    public record Outcome(String text, Exception error) {
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    /** Counts the calls; past {@link ToolRunOptions#maxIdenticalCalls()} of one (same tool, same arguments), fails. */
    public void checkRepeats(List<ToolCall> calls, Failure failure) {
        for (ToolCall call : calls) {
            String arguments = String.valueOf(call.function().arguments());
            int times = seen.merge(List.of(call.function().name(), TypedJson.tree(arguments)), 1, Integer::sum);
            if (times > options.maxIdenticalCalls()) {
                throw failure.of(ToolRunException.Reason.REPEATED_CALL, "the model called " + call.function().name()
                        + " with the same arguments " + times + " times (maxIdenticalCalls "
                        + options.maxIdenticalCalls() + "): " + arguments, null);
            }
        }
    }

    /** Runs the calls, in parallel when there are several; the outcomes in the calls' order. */
    public List<Outcome> run(List<ToolCall> calls, Failure failure) {
        if (calls.size() == 1) return checked(calls, List.of(outcome(calls.get(0))), failure);
        ExecutorService own = options.executor() == null ? ToolThreads.newExecutor(calls.size()) : null;
        try {
            return checked(calls, join(start(calls, own != null ? own : options.executor())), failure);
        } finally {
            if (own != null) own.shutdown();
        }
    }

    /** As {@link #run}, never on the calling thread: an async loop's callbacks run on the HTTP client's. */
    public CompletableFuture<List<Outcome>> runAsync(List<ToolCall> calls, Failure failure) {
        ExecutorService own = options.executor() == null ? ToolThreads.newExecutor(calls.size()) : null;
        List<CompletableFuture<Outcome>> started = start(calls, own != null ? own : options.executor());
        return CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0]))
                .whenComplete((v, e) -> {
                    if (own != null) own.shutdown();
                })
                .thenApply(v -> checked(calls, join(started), failure));
    }

    private List<CompletableFuture<Outcome>> start(List<ToolCall> calls, Executor executor) {
        List<CompletableFuture<Outcome>> started = new ArrayList<>(calls.size());
        for (ToolCall call : calls) started.add(CompletableFuture.supplyAsync(() -> outcome(call), executor));
        return started;
    }

    private static List<Outcome> join(List<CompletableFuture<Outcome>> started) {
        List<Outcome> outcomes = new ArrayList<>(started.size());
        for (CompletableFuture<Outcome> f : started) {
            try {
                outcomes.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) throw runtime; // the listener threw
                throw e;
            }
        }
        return outcomes;
    }

    /** Under {@link ToolRunOptions.ToolErrorPolicy#THROW}, the first failed call (in call order) fails the run. */
    private List<Outcome> checked(List<ToolCall> calls, List<Outcome> outcomes, Failure failure) {
        for (int i = 0; i < calls.size(); i++) {
            Exception error = outcomes.get(i).error();
            if (error != null && options.onToolError() == ToolRunOptions.ToolErrorPolicy.THROW) {
                throw failure.of(ToolRunException.Reason.TOOL_FAILED, "tool " + calls.get(i).function().name()
                        + " failed: " + error, error);
            }
        }
        return outcomes;
    }

    /** The handler's result text, or the error the model sees; the listener hears either. */
    private Outcome outcome(ToolCall call) {
        ToolRunListener listener = options.listener();
        listener.started(call);
        Exception error;
        try {
            FunctionTool<?> tool = tools.get(call.function().name());
            if (tool == null) throw new IllegalArgumentException("no tool is named " + call.function().name());
            String result = invoke(tool, call);
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

    /** Parses the arguments into the tool's type (a StructuredOutputException if they do not fit), runs it. */
    private static <A> String invoke(FunctionTool<A> tool, ToolCall call) {
        return TypedJson.resultText(tool.call(call.arguments(tool.argumentsType())));
    }
}
