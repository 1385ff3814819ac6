package dev.groqj.chat;

import dev.groqj.error.ApiException;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.tools.ToolExecution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The chat tool loop's state and steps, one instance per run; the blocking, streaming and async forms drive it
 * with their own way of calling the model. Running the calls is {@link ToolExecution}'s, which knows nothing of
 * chat messages. Not thread-safe: a run's steps follow each other.
 */
final class ToolRunner {
    private final ChatRequest base;
    private final ToolExecution execution;
    private final ToolRunOptions options;
    private final List<Message> messages;
    private final List<ChatCompletion> rounds = new ArrayList<>();
    private boolean repaired;

    ToolRunner(ChatRequest request, List<FunctionTool<?>> functionTools, ToolRunOptions options) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(functionTools, "tools == null");
        this.options = Objects.requireNonNull(options, "options == null");
        this.execution = new ToolExecution(functionTools, options);
        List<Tool> declared = new ArrayList<>(request.tools() == null ? List.of() : request.tools());
        for (FunctionTool<?> tool : functionTools) {
            declared.removeIf(t -> t.function() != null && t.function().name().equals(tool.name()));
            declared.add(tool.tool());
        }
        if (execution.isEmpty() && declared.isEmpty()) throw new ValidationException("tools", "a tool run needs tools");
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
        // a whole answer's rejection is a ToolUseFailedException; a stream's arrives as a StreamException
        if (!(e instanceof ApiException failed) || !"tool_use_failed".equals(failed.errorCode())
                || !options.repairToolUseFailed() || repaired) {
            return false;
        }
        repaired = true;
        String generation = failed.failedGeneration() == null ? "" : failed.failedGeneration();
        messages.add(Message.user("Your last tool call was rejected: " + failed.getMessage()
                + (generation.isEmpty() ? "" : "\nYou wrote: " + generation)
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
            throw failure(ToolRunException.Reason.MAX_ROUNDS, "the model still called tools after "
                    + rounds.size() + " rounds (maxRounds)", null);
        }
        execution.checkRepeats(toolCalls, this::failure);
        return toolCalls;
    }

    ToolRun result() {
        return new ToolRun(messages, rounds);
    }

    /** Runs the calls (in parallel when there are several), then appends one tool message per call, in order. */
    void execute(List<ToolCall> toolCalls) {
        addResults(toolCalls, execution.run(toolCalls, this::failure));
    }

    /** As {@link #execute}, never on the calling thread: the async form's callbacks run on the HTTP client's. */
    CompletableFuture<Void> executeAsync(List<ToolCall> toolCalls) {
        return execution.runAsync(toolCalls, this::failure).thenAccept(outcomes -> addResults(toolCalls, outcomes));
    }

    private void addResults(List<ToolCall> toolCalls, List<ToolExecution.Outcome> outcomes) {
        for (int i = 0; i < toolCalls.size(); i++) messages.add(Message.tool(toolCalls.get(i).id(), outcomes.get(i).text()));
    }

    private ToolRunException failure(ToolRunException.Reason reason, String message, Throwable cause) {
        return new ToolRunException(reason, message, messages, cause);
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
