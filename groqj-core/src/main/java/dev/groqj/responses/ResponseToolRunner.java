package dev.groqj.responses;

import dev.groqj.chat.FunctionTool;
import dev.groqj.chat.ToolCall;
import dev.groqj.chat.ToolRunException;
import dev.groqj.chat.ToolRunOptions;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.tools.ToolLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Responses tool loop's transcript, one instance per run: the steps are {@link ToolLoop}'s, shared with chat.
 * A {@code function_call} becomes a {@link ToolCall} whose id is its {@code call_id}, for the listener and the
 * handlers; what goes back is the call item as it came and a {@code function_call_output}.
 */
final class ResponseToolRunner extends ToolLoop<ResponseRequest, Response, ResponseToolRun> {
    private final ResponseRequest base;
    private final List<ResponseInputItem> input;
    private final List<Response> rounds = new ArrayList<>();

    ResponseToolRunner(ResponseRequest request, List<FunctionTool<?>> functionTools, ToolRunOptions options) {
        super(Objects.requireNonNull(functionTools, "tools == null"),
                Objects.requireNonNull(options, "options == null"));
        Objects.requireNonNull(request, "request == null");
        List<ResponseTool> declared = new ArrayList<>(request.tools() == null ? List.of() : request.tools());
        for (FunctionTool<?> tool : functionTools) {
            declared.removeIf(t -> "function".equals(t.type()) && tool.name().equals(t.name()));
            declared.add(ResponseTool.function(tool));
        }
        if (noFunctionTools() && declared.isEmpty()) throw new ValidationException("tools", "a tool run needs tools");
        this.base = request.toBuilder().tools(declared).build();
        this.input = new ArrayList<>(request.input());
    }

    @Override
    protected ResponseRequest nextRequest() {
        return base.toBuilder().input(input).build();
    }

    @Override
    protected List<ToolCall> record(Response response) {
        rounds.add(response);
        List<ToolCall> calls = new ArrayList<>();
        for (ResponseOutputItem item : response.output()) {
            if (item instanceof ResponseOutputItem.Message message && !message.text().isEmpty()) {
                input.add(ResponseInputItem.of(message));
            } else if (item instanceof ResponseOutputItem.FunctionCall call) {
                input.add(ResponseInputItem.of(call));
                calls.add(new ToolCall(call.callId(), "function",
                        new ToolCall.Function(call.name(), call.arguments(), null), null));
            }
        }
        return calls;
    }

    @Override
    protected void addResults(List<ToolCall> calls, List<String> results) {
        for (int i = 0; i < calls.size(); i++) {
            input.add(ResponseInputItem.functionCallOutput(calls.get(i).id(), results.get(i)));
        }
    }

    @Override
    protected void tell(String text) {
        input.add(ResponseInputItem.user(text));
    }

    @Override
    protected ResponseToolRun result() {
        return new ResponseToolRun(input, rounds);
    }

    @Override
    protected ToolRunException failure(ToolRunException.Reason reason, String message, Throwable cause) {
        return new ResponseToolRunException(reason, message, input, cause);
    }
}
