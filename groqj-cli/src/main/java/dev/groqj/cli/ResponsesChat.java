package dev.groqj.cli;

import dev.groqj.GroqClient;
import dev.groqj.chat.Message;
import dev.groqj.responses.ResponseEvent;
import dev.groqj.responses.ResponseInputItem;
import dev.groqj.responses.ResponseOutputItem;
import dev.groqj.responses.ResponseRequest;
import dev.groqj.responses.ResponseStream;
import dev.groqj.responses.TextFormat;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code groqj chat --api responses}: the same conversation sent to the Responses API. The system message becomes
 * {@code instructions}, the turns input items; reasoning deltas go to stderr with {@code --reasoning}, and each
 * tool Groq ran on the server (MCP, browser search, code) is named there as its item completes.
 */
final class ResponsesChat {
    private ResponsesChat() {
    }

    static ResponseRequest request(ChatCommand chat, List<Message> turns, String jsonHint) {
        ResponseRequest.Builder builder = ResponseRequest.builder().model(chat.model);
        String instructions = chat.system;
        if (jsonHint != null) instructions = instructions == null ? jsonHint : instructions + "\n" + jsonHint;
        if (instructions != null) builder.instructions(instructions);
        List<ResponseInputItem> input = new ArrayList<>(turns.size());
        for (Message m : turns) input.add(ResponseInputItem.message(m.role(), m.content()));
        builder.input(input);
        if (chat.temperature != null) builder.temperature(chat.temperature);
        if (chat.maxTokens != null) builder.maxOutputTokens(chat.maxTokens);
        if (chat.json) builder.textFormat(TextFormat.jsonObject());
        return builder.build();
    }

    /** Prints the text as it arrives (reasoning to stderr when asked) and appends it to {@code answer}. */
    static void stream(ResponseStream stream, boolean reasoning, boolean dim, PrintWriter out, PrintWriter err,
                       StringBuilder answer) {
        boolean thinking = false;
        try {
            for (ResponseEvent event : stream) {
                if (reasoning && event instanceof ResponseEvent.ReasoningTextDelta d) {
                    if (!thinking && dim) err.print(ChatCommand.DIM);
                    thinking = true;
                    err.print(d.delta());
                    err.flush();
                } else if (event instanceof ResponseEvent.OutputTextDelta d) {
                    if (thinking) {
                        err.println(dim ? ChatCommand.RESET : "");
                        thinking = false;
                    }
                    out.print(d.delta());
                    out.flush();
                    answer.append(d.delta());
                } else if (event instanceof ResponseEvent.OutputItemDone done && ranOnServer(done.item())) {
                    err.println("(" + done.item().type() + (label(done.item()) == null ? "" : " " + label(done.item()))
                            + ")");
                    err.flush();
                }
            }
        } finally {
            if (thinking) err.println(dim ? ChatCommand.RESET : "");
        }
    }

    private static boolean ranOnServer(ResponseOutputItem item) {
        return !(item instanceof ResponseOutputItem.Message || item instanceof ResponseOutputItem.Reasoning);
    }

    private static String label(ResponseOutputItem item) {
        if (item instanceof ResponseOutputItem.McpCall c) return c.serverLabel() + "." + c.name();
        if (item instanceof ResponseOutputItem.McpListTools l) return l.serverLabel();
        if (item instanceof ResponseOutputItem.FunctionCall f) return f.name();
        return null;
    }
}
