package dev.groqj.internal.tools;

import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolRunException;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.error.ApiException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The steps every tool loop takes, whatever API it talks to: send, stop when the answer calls no function, stop
 * past the round limit or on a repeated call, run the calls ({@link ToolExecution}), send the results, repeat;
 * re-ask once after a {@code tool_use_failed} when asked to. A subclass keeps its API's transcript: how an answer,
 * the results and a note to the model are written into it. One instance per run, not thread-safe. Not API.
 *
 * @param <Q> the request sent each round
 * @param <A> the model's answer
 * @param <R> the run's result
 */
public abstract class ToolLoop<Q, A, R> {
    protected final ToolRunOptions options;
    private final ToolExecution execution;
    private int rounds;
    private boolean repaired;

    protected ToolLoop(List<FunctionTool<?>> tools, ToolRunOptions options) {
        this.options = options;
        this.execution = new ToolExecution(tools, options);
    }

    /** Whether the run has no tools of its own to run. */
    protected final boolean noFunctionTools() {
        return execution.isEmpty();
    }

    /** The next model call: the transcript so far. */
    protected abstract Q nextRequest();

    /** Writes the answer into the transcript; the function calls it makes, empty when it is the final answer. */
    protected abstract List<ToolCall> record(A answer);

    /** Writes each call's result (the same order) into the transcript. */
    protected abstract void addResults(List<ToolCall> calls, List<String> results);

    /** Writes a user message into the transcript: the repair's note to the model. */
    protected abstract void tell(String text);

    protected abstract R result();

    /** The stop, with this loop's transcript. */
    protected abstract ToolRunException failure(ToolRunException.Reason reason, String message, Throwable cause);

    /** The blocking loop, with {@code send} calling the model once (whole or streamed). */
    public final R run(Function<Q, A> send) {
        while (true) {
            A answer;
            try {
                answer = send.apply(nextRequest());
            } catch (RuntimeException e) {
                if (repair(e)) continue;
                throw e;
            }
            List<ToolCall> calls = answered(answer);
            if (calls.isEmpty()) return result();
            List<ToolExecution.Outcome> outcomes = execution.run(calls, this::failure);
            addResults(calls, texts(outcomes));
        }
    }

    /** The non-blocking loop: each round starts when the previous one's tools have finished, never on the caller. */
    public final CompletableFuture<R> runAsync(Function<Q, CompletableFuture<A>> send) {
        return send.apply(nextRequest()).handle((answer, error) -> {
            if (error != null) {
                if (repair(error)) return runAsync(send);
                return CompletableFuture.<R>failedFuture(error instanceof CompletionException
                        && error.getCause() != null ? error.getCause() : error);
            }
            List<ToolCall> calls = answered(answer);
            if (calls.isEmpty()) return CompletableFuture.completedFuture(result());
            return execution.runAsync(calls, this::failure)
                    .thenCompose(outcomes -> {
                        addResults(calls, texts(outcomes));
                        return runAsync(send);
                    });
        }).thenCompose(f -> f);
    }

    /** Records the round; the calls to run, after the round limit and the repeat check. */
    private List<ToolCall> answered(A answer) {
        rounds++;
        List<ToolCall> calls = record(answer);
        if (calls.isEmpty()) return calls;
        if (rounds >= options.maxRounds()) {
            throw failure(ToolRunException.Reason.MAX_ROUNDS, "the model still called tools after " + rounds
                    + " rounds (maxRounds)", null);
        }
        execution.checkRepeats(calls, this::failure);
        return calls;
    }

    /**
     * What to do with a failed model call: true to send again (the one repair of a {@code tool_use_failed}, with
     * the error told to the model), false to let it fail.
     */
    private boolean repair(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        // a whole answer's rejection is a ToolUseFailedException; a stream's arrives as a StreamException
        if (!(e instanceof ApiException failed) || !"tool_use_failed".equals(failed.errorCode())
                || !options.repairToolUseFailed() || repaired) {
            return false;
        }
        repaired = true;
        String generation = failed.failedGeneration() == null ? "" : failed.failedGeneration();
        tell("Your last tool call was rejected: " + failed.getMessage()
                + (generation.isEmpty() ? "" : "\nYou wrote: " + generation)
                + "\nCall the tool again with arguments that follow its schema exactly.");
        return true;
    }

    private static List<String> texts(List<ToolExecution.Outcome> outcomes) {
        return outcomes.stream().map(ToolExecution.Outcome::text).toList();
    }
}
