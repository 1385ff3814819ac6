package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.Usage;
import dev.groqj.UsageBreakdown;
import dev.groqj.XGroq;
import dev.groqj.XGroqCompletion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rebuilds one {@link ChatCompletion} from the chunks of a stream: content, reasoning, tool calls, executed
 * tools, finish reason and usage.
 *
 * <pre>{@code
 * ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
 * for (ChatCompletionChunk chunk : stream) {
 *     acc.add(chunk);
 * }
 * ChatCompletion completion = acc.build();
 * }</pre>
 *
 * <p>Pieces are joined in StringBuilders, so a long stream costs linear time. Tool call pieces are merged by
 * their index: the first non-null id, type and name win, argument fragments are concatenated. Executed tools are
 * merged by index too, a later piece's fields (such as the output) replacing earlier ones. Usage comes from the
 * last chunk that has it, the top-level {@code usage} preferred over {@code x_groq.usage}.
 *
 * <p>Not thread-safe: one stream, one accumulator.
 */
public final class ChatCompletionAccumulator {
    private final Map<Integer, ChoiceState> choices = new TreeMap<>();
    private String id;
    private String model;
    private long created;
    private String systemFingerprint;
    private String serviceTier;
    private String xGroqId;
    private Long seed;
    private Usage topLevelUsage;
    private Usage xGroqUsage;
    private UsageBreakdown usageBreakdown;
    private int chunks;

    /** Adds the next chunk of the stream. */
    public ChatCompletionAccumulator add(ChatCompletionChunk chunk) {
        Objects.requireNonNull(chunk, "chunk == null");
        chunks++;
        // compound models give each chunk its own id (the last one "stub"): the first names the completion
        if (id == null) id = chunk.id();
        if (model == null) model = chunk.model();
        if (created == 0) created = chunk.created();
        if (systemFingerprint == null) systemFingerprint = chunk.systemFingerprint();
        if (chunk.serviceTier() != null) serviceTier = chunk.serviceTier();
        if (chunk.usage() != null) topLevelUsage = chunk.usage();
        XGroq x = chunk.xGroq();
        if (x != null) {
            if (xGroqId == null) xGroqId = x.id();
            if (x.seed() != null) seed = x.seed();
            if (x.usage() != null) xGroqUsage = x.usage();
            if (x.usageBreakdown() != null) usageBreakdown = x.usageBreakdown();
        }
        for (ChunkChoice choice : chunk.choices()) {
            choices.computeIfAbsent(choice.index(), i -> new ChoiceState()).add(choice);
        }
        return this;
    }

    /** The content of the first choice so far, "" before any. */
    public String content() {
        ChoiceState first = firstChoice();
        return first == null || first.content == null ? "" : first.content.toString();
    }

    /** The reasoning of the first choice so far, "" before any. */
    public String reasoning() {
        ChoiceState first = firstChoice();
        return first == null || first.reasoning == null ? "" : first.reasoning.toString();
    }

    /** How many chunks were added. */
    public int chunkCount() {
        return chunks;
    }

    /** The usage the stream reported, or null before its last chunk. */
    public Usage usage() {
        return topLevelUsage != null ? topLevelUsage : xGroqUsage;
    }

    /** The completion the chunks so far make: partial until the last chunk was added. */
    public ChatCompletion build() {
        List<Choice> built = new ArrayList<>(choices.size());
        choices.forEach((index, state) -> built.add(state.build(index)));
        // a stream's x_groq usage is the token usage, the completion's own usage(); no cache statistics come
        XGroqCompletion xGroq = xGroqId == null && seed == null ? null
                : new XGroqCompletion(xGroqId, seed, null, null, null);
        return new ChatCompletion(id, "chat.completion", created, model, built, usage(), usageBreakdown,
                systemFingerprint, xGroq, serviceTier, null, null);
    }

    private ChoiceState firstChoice() {
        return choices.isEmpty() ? null : choices.values().iterator().next();
    }

    private static final class ChoiceState {
        private String role;
        private StringBuilder content;
        private StringBuilder reasoning;
        private FinishReason finishReason;
        private final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();
        private final Map<Integer, ExecutedTool> executedTools = new TreeMap<>();
        private final List<Annotation> annotations = new ArrayList<>();

        void add(ChunkChoice choice) {
            if (choice.finishReason() != null) finishReason = choice.finishReason();
            Delta delta = choice.delta();
            if (delta == null) return;
            if (role == null) role = delta.role();
            if (delta.content() != null) content = append(content, delta.content());
            if (delta.reasoning() != null) reasoning = append(reasoning, delta.reasoning());
            for (ToolCallDelta call : delta.toolCalls()) {
                toolCalls.computeIfAbsent(call.index(), i -> new ToolCallState()).add(call);
            }
            for (ExecutedTool tool : delta.executedTools()) {
                executedTools.merge(tool.index(), tool, ChoiceState::merge);
            }
            annotations.addAll(delta.annotations());
        }

        private static StringBuilder append(StringBuilder sb, String piece) {
            return (sb == null ? new StringBuilder() : sb).append(piece);
        }

        /** The later piece's fields win where it has them: it usually repeats the arguments and adds output. */
        private static ExecutedTool merge(ExecutedTool earlier, ExecutedTool later) {
            Map<String, JsonValue> unknown = new LinkedHashMap<>(earlier.additionalProperties());
            unknown.putAll(later.additionalProperties());
            return new ExecutedTool(later.index(),
                    later.type() != null ? later.type() : earlier.type(),
                    later.arguments() != null ? later.arguments() : earlier.arguments(),
                    later.output() != null ? later.output() : earlier.output(),
                    later.searchResults() != null ? later.searchResults() : earlier.searchResults(),
                    later.codeResults().isEmpty() ? earlier.codeResults() : later.codeResults(),
                    later.browserResults().isEmpty() ? earlier.browserResults() : later.browserResults(),
                    unknown);
        }

        Choice build(int index) {
            List<ToolCall> calls = new ArrayList<>(toolCalls.size());
            toolCalls.values().forEach(state -> calls.add(state.build()));
            ResponseMessage message = new ResponseMessage(role == null ? "assistant" : role,
                    content == null ? null : content.toString(),
                    reasoning == null ? null : reasoning.toString(),
                    calls, new ArrayList<>(executedTools.values()), annotations, null);
            return new Choice(index, message, finishReason, null, null);
        }
    }

    private static final class ToolCallState {
        private String id;
        private String type;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(ToolCallDelta call) {
            if (id == null) id = call.id();
            if (type == null) type = call.type();
            ToolCall.Function function = call.function();
            if (function == null) return;
            if (name == null) name = function.name();
            if (function.arguments() != null) arguments.append(function.arguments());
        }

        ToolCall build() {
            return new ToolCall(id, type == null ? "function" : type,
                    new ToolCall.Function(name, arguments.toString(), null), null);
        }
    }
}
