package dev.groqj.responses;

import dev.groqj.chat.ToolRunException;

import java.util.List;

/**
 * A Responses tool run that stopped before the model answered (the reasons of {@link ToolRunException});
 * {@link #input()} is the transcript so far as input items, ready to inspect or continue. Its {@link #messages()}
 * is empty: chat messages are the chat loop's transcript.
 */
public class ResponseToolRunException extends ToolRunException {
    private final transient List<ResponseInputItem> input;

    public ResponseToolRunException(Reason reason, String message, List<ResponseInputItem> input, Throwable cause) {
        super(reason, message, List.of(), cause);
        this.input = List.copyOf(input);
    }

    /** The transcript: the request's input, then every function call and output of the run (empty once serialized). */
    public List<ResponseInputItem> input() {
        return input == null ? List.of() : input;
    }
}
