package dev.groqj.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@code client.chat().runTools}: the model's final answer and the whole conversation.
 *
 * <pre>{@code
 * ToolRun run = client.chat().runTools(request, tools);
 * run.completion().content();                       // the answer in words
 * request.toBuilder().messages(run.messages())      // continue the conversation
 *         .addMessage(Message.user("And tomorrow?")).build();
 * }</pre>
 */
public final class ToolRun {
    private final ChatCompletion completion;
    private final List<Message> messages;
    private final List<ChatCompletion> rounds;

    ToolRun(List<Message> messages, List<ChatCompletion> rounds) {
        this.rounds = List.copyOf(rounds);
        this.completion = this.rounds.get(this.rounds.size() - 1);
        this.messages = List.copyOf(messages);
    }

    /** The final completion: the model's answer without tool calls. */
    public ChatCompletion completion() {
        return completion;
    }

    /** The conversation: the request's messages, each assistant message, each tool result, the final answer. */
    public List<Message> messages() {
        return messages;
    }

    /** Every completion of the run, one per round, the final one last. */
    public List<ChatCompletion> rounds() {
        return rounds;
    }

    /** The tools Groq ran on its side (compound models' {@code executed_tools}), over all rounds. */
    public List<ExecutedTool> executedTools() {
        List<ExecutedTool> tools = new ArrayList<>();
        for (ChatCompletion c : rounds) {
            if (!c.choices().isEmpty() && c.choices().get(0).message() != null) {
                tools.addAll(c.choices().get(0).message().executedTools());
            }
        }
        return List.copyOf(tools);
    }

    @Override
    public String toString() {
        return "ToolRun{rounds=" + rounds.size() + ", messages=" + messages.size() + '}';
    }
}
