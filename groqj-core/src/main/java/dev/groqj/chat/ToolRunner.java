package dev.groqj.chat;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.tools.ToolLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The chat tool loop's transcript, one instance per run: the steps are {@link ToolLoop}'s, shared with the
 * Responses API's loop; the blocking, streaming and async forms drive it with their own way of calling the model.
 */
final class ToolRunner extends ToolLoop<ChatRequest, ChatCompletion, ToolRun> {
    private final ChatRequest base;
    private final List<Message> messages;
    private final List<ChatCompletion> rounds = new ArrayList<>();

    ToolRunner(ChatRequest request, List<FunctionTool<?>> functionTools, ToolRunOptions options) {
        super(Objects.requireNonNull(functionTools, "tools == null"),
                Objects.requireNonNull(options, "options == null"));
        Objects.requireNonNull(request, "request == null");
        List<Tool> declared = new ArrayList<>(request.tools() == null ? List.of() : request.tools());
        for (FunctionTool<?> tool : functionTools) {
            declared.removeIf(t -> t.function() != null && t.function().name().equals(tool.name()));
            declared.add(tool.tool());
        }
        if (noFunctionTools() && declared.isEmpty()) throw new ValidationException("tools", "a tool run needs tools");
        this.base = request.toBuilder().tools(declared).build();
        this.messages = new ArrayList<>(request.messages());
    }

    /** The next model call: the conversation so far, assistant reasoning kept or stripped by the policy. */
    @Override
    protected ChatRequest nextRequest() {
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

    @Override
    protected List<ToolCall> record(ChatCompletion completion) {
        rounds.add(completion);
        ResponseMessage message = completion.choices().isEmpty() ? null : completion.choices().get(0).message();
        if (message == null) return List.of();
        messages.add(Message.assistant(message));
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ToolCall call : message.toolCalls()) if (call.function() != null) toolCalls.add(call);
        return toolCalls;
    }

    /** One tool message per call, in order. */
    @Override
    protected void addResults(List<ToolCall> toolCalls, List<String> results) {
        for (int i = 0; i < toolCalls.size(); i++) messages.add(Message.tool(toolCalls.get(i).id(), results.get(i)));
    }

    @Override
    protected void tell(String text) {
        messages.add(Message.user(text));
    }

    @Override
    protected ToolRun result() {
        return new ToolRun(messages, rounds);
    }

    @Override
    protected ToolRunException failure(ToolRunException.Reason reason, String message, Throwable cause) {
        return new ToolRunException(reason, message, messages, cause);
    }
}
