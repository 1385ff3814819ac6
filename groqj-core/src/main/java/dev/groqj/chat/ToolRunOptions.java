package dev.groqj.chat;

import dev.groqj.RequestOptions;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How {@code client.chat().runTools} (and {@code client.responses().runTools}) runs the loop.
 *
 * <pre>{@code
 * ToolRunOptions options = ToolRunOptions.builder()
 *         .maxRounds(5)                                  // model calls; default 10
 *         .onToolError(ToolRunOptions.ToolErrorPolicy.THROW)
 *         .repairToolUseFailed(true)
 *         .build();
 * }</pre>
 */
public final class ToolRunOptions {
    /** The defaults: 10 rounds, errors reported to the model, the same call at most 3 times. */
    public static final ToolRunOptions DEFAULT = builder().build();

    /** What a handler's exception (or arguments that do not parse, or an unknown tool) becomes. */
    public enum ToolErrorPolicy {
        /** The tool message says {@code {"error": "..."}}; the model sees it and may try again. */
        REPORT_TO_MODEL,
        /** The run fails with a {@link ToolRunException} whose cause is the handler's exception. */
        THROW
    }

    /** Whether assistant messages sent back keep their {@code reasoning}; the Responses loop sends no reasoning back. */
    public enum ReasoningHistory {
        /** Kept for the models Groq accepts it on (reasoning models), stripped for the others. */
        AUTO,
        KEEP,
        STRIP
    }

    private final int maxRounds;
    private final int maxIdenticalCalls;
    private final ToolRunListener listener;
    private final ToolErrorPolicy onToolError;
    private final ReasoningHistory reasoningHistory;
    private final boolean repairToolUseFailed;
    private final Executor executor;
    private final RequestOptions requestOptions;

    private ToolRunOptions(Builder b) {
        maxRounds = b.maxRounds;
        maxIdenticalCalls = b.maxIdenticalCalls;
        listener = b.listener;
        onToolError = b.onToolError;
        reasoningHistory = b.reasoningHistory;
        repairToolUseFailed = b.repairToolUseFailed;
        executor = b.executor;
        requestOptions = b.requestOptions;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxRounds() { return maxRounds; }
    public int maxIdenticalCalls() { return maxIdenticalCalls; }
    public ToolRunListener listener() { return listener; }
    public ToolErrorPolicy onToolError() { return onToolError; }
    public ReasoningHistory reasoningHistory() { return reasoningHistory; }
    public boolean repairToolUseFailed() { return repairToolUseFailed; }
    /** The executor for parallel calls, or null for groqj's own (virtual threads where the JDK has them). */
    public Executor executor() { return executor; }
    public RequestOptions requestOptions() { return requestOptions; }

    public static final class Builder {
        private int maxRounds = 10;
        private int maxIdenticalCalls = 3;
        private ToolRunListener listener = ToolRunListener.NOOP;
        private ToolErrorPolicy onToolError = ToolErrorPolicy.REPORT_TO_MODEL;
        private ReasoningHistory reasoningHistory = ReasoningHistory.AUTO;
        private boolean repairToolUseFailed;
        private Executor executor;
        private RequestOptions requestOptions = RequestOptions.DEFAULT;

        private Builder() {
        }

        /** The most model calls in one run; past it the run fails with {@link ToolRunException.Reason#MAX_ROUNDS}. */
        public Builder maxRounds(int maxRounds) {
            if (maxRounds < 1) throw new IllegalArgumentException("maxRounds < 1: " + maxRounds);
            this.maxRounds = maxRounds;
            return this;
        }

        /**
         * How often the same call (same tool, same arguments) may be made in one run before it fails with
         * {@link ToolRunException.Reason#REPEATED_CALL}: a model stuck in a loop.
         */
        public Builder maxIdenticalCalls(int maxIdenticalCalls) {
            if (maxIdenticalCalls < 1) throw new IllegalArgumentException("maxIdenticalCalls < 1: " + maxIdenticalCalls);
            this.maxIdenticalCalls = maxIdenticalCalls;
            return this;
        }

        public Builder listener(ToolRunListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        public Builder onToolError(ToolErrorPolicy onToolError) {
            this.onToolError = Objects.requireNonNull(onToolError, "onToolError == null");
            return this;
        }

        public Builder reasoningHistory(ReasoningHistory reasoningHistory) {
            this.reasoningHistory = Objects.requireNonNull(reasoningHistory, "reasoningHistory == null");
            return this;
        }

        /**
         * On a {@code tool_use_failed} 400, re-ask once, telling the model what Groq rejected; off by default.
         * A second rejection is thrown.
         */
        public Builder repairToolUseFailed(boolean repairToolUseFailed) {
            this.repairToolUseFailed = repairToolUseFailed;
            return this;
        }

        /** Runs parallel calls on {@code executor}, which the caller owns (groqj does not shut it down). */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** The options of each model call. */
        public Builder requestOptions(RequestOptions requestOptions) {
            this.requestOptions = Objects.requireNonNull(requestOptions, "requestOptions == null");
            return this;
        }

        public ToolRunOptions build() {
            return new ToolRunOptions(this);
        }
    }
}
