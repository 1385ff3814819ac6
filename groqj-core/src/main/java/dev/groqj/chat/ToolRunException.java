package dev.groqj.chat;

import dev.groqj.error.GroqException;

import java.util.List;

/**
 * A tool run that stopped before the model answered: too many rounds, the same call repeated, or a handler that
 * failed under {@link ToolRunOptions.ToolErrorPolicy#THROW}. {@link #messages()} is the conversation so far, ready
 * to inspect or continue.
 */
public class ToolRunException extends GroqException {
    /** Why the run stopped. */
    public enum Reason {
        /** The model still called tools after {@link ToolRunOptions#maxRounds()} rounds. */
        MAX_ROUNDS,
        /** The model made the same call more than {@link ToolRunOptions#maxIdenticalCalls()} times. */
        REPEATED_CALL,
        /** A handler threw (the cause), with {@link ToolRunOptions.ToolErrorPolicy#THROW}. */
        TOOL_FAILED
    }

    private final Reason reason;
    private final transient List<Message> messages;

    public ToolRunException(Reason reason, String message, List<Message> messages, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.messages = List.copyOf(messages);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The transcript: the request's messages, then every assistant and tool message of the run (empty once
     * serialized; empty for a Responses run, whose transcript is {@code ResponseToolRunException.input()}).
     */
    public List<Message> messages() {
        return messages == null ? List.of() : messages;
    }
}
