package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.error.ValidationException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation sent in a {@link ChatRequest}.
 *
 * <pre>{@code
 * Message.system("Be brief.");
 * Message.user("What's the weather in Paris?");
 * Message.user(ContentPart.text("Describe this"), ContentPart.imageUrl("https://example.com/a.png"));
 * Message.assistant(completion.choices().get(0).message());   // continue after a tool call
 * Message.tool(toolCall.id(), "{\"temperature\": 21}");
 * Message.system(ContentPart.text("Be brief."), ContentPart.text("Answer in French."));   // parts, any role
 * }</pre>
 *
 * <p>Every role takes its content as text or as parts: user and tool messages any {@link ContentPart} (text,
 * image, document), system, developer and assistant messages text parts only, as Groq's API says.
 *
 * <p>There is no {@code name} field: Groq rejects it with a 400.
 */
public final class Message {
    @JsonProperty("role")
    private final String role;
    /** A String, or a List of ContentPart. */
    @JsonProperty("content")
    private final Object content;
    @JsonProperty("reasoning")
    private final String reasoning;
    @JsonProperty("tool_calls")
    private final List<ToolCall> toolCalls;
    @JsonProperty("tool_call_id")
    private final String toolCallId;

    private Message(String role, Object content, String reasoning, List<ToolCall> toolCalls, String toolCallId) {
        this.role = role;
        this.content = content;
        this.reasoning = reasoning;
        this.toolCalls = toolCalls;
        this.toolCallId = toolCallId;
    }

    public static Message system(String content) {
        return new Message("system", requireText(content), null, null, null);
    }

    /** A system message of text parts; at least one. */
    public static Message system(List<ContentPart> parts) {
        return new Message("system", requireTextParts(parts), null, null, null);
    }

    public static Message system(ContentPart... parts) {
        return system(Arrays.asList(parts));
    }

    /** A system message under the name newer models use for it; Groq treats it like {@code system}. */
    public static Message developer(String content) {
        return new Message("developer", requireText(content), null, null, null);
    }

    public static Message user(String content) {
        return new Message("user", requireText(content), null, null, null);
    }

    /** A multimodal user message; at least one part. */
    public static Message user(List<ContentPart> parts) {
        return new Message("user", requireParts(parts), null, null, null);
    }

    public static Message user(ContentPart... parts) {
        return user(Arrays.asList(parts));
    }

    /** An earlier answer of the model, to give the conversation so far. */
    public static Message assistant(String content) {
        return new Message("assistant", requireText(content), null, null, null);
    }

    /** An earlier answer of the model as text parts; at least one. */
    public static Message assistant(List<ContentPart> parts) {
        return new Message("assistant", requireTextParts(parts), null, null, null);
    }

    /**
     * An earlier answer of the model that called tools; {@code content} may be null. Send it before the
     * {@link #tool} messages that answer the calls.
     */
    public static Message assistant(String content, List<ToolCall> toolCalls) {
        return assistant(content, null, toolCalls);
    }

    /** An earlier answer with its reasoning (from {@code reasoning_format=parsed}) and tool calls; each may be null. */
    public static Message assistant(String content, String reasoning, List<ToolCall> toolCalls) {
        List<ToolCall> calls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
        return new Message("assistant", content, reasoning, calls, null);
    }

    /** The model's answer as a request message: content, reasoning and tool calls. */
    public static Message assistant(ResponseMessage message) {
        Objects.requireNonNull(message, "message == null");
        return assistant(message.content(), message.reasoning(), message.toolCalls());
    }

    /** The result of tool call {@code toolCallId} (see {@link ToolCall#id()}). */
    public static Message tool(String toolCallId, String content) {
        return new Message("tool", requireText(content), null, null, toolCallId);
    }

    /** The result of tool call {@code toolCallId} as parts (text, images, documents); at least one. */
    public static Message tool(String toolCallId, List<ContentPart> parts) {
        return new Message("tool", requireParts(parts), null, null, toolCallId);
    }

    private static List<ContentPart> requireTextParts(List<ContentPart> parts) {
        List<ContentPart> copy = requireParts(parts);
        for (int i = 0; i < copy.size(); i++) {
            if (!copy.get(i).type().equals("text")) {
                throw new ValidationException("content[" + i + "]", "this role takes text parts only, was "
                        + copy.get(i).type());
            }
        }
        return copy;
    }

    private static String requireText(String content) {
        return Objects.requireNonNull(content, "content == null");
    }

    private static List<ContentPart> requireParts(List<ContentPart> parts) {
        Objects.requireNonNull(parts, "parts == null");
        if (parts.isEmpty()) throw new ValidationException("content", "a message needs at least one content part");
        return List.copyOf(parts);
    }

    /** {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}. */
    public String role() {
        return role;
    }

    /** The text content, or null when the content is a list of parts or absent. */
    public String content() {
        return content instanceof String ? (String) content : null;
    }

    /** The parts of a multimodal message, else empty. */
    @SuppressWarnings("unchecked")
    public List<ContentPart> contentParts() {
        return content instanceof List ? (List<ContentPart>) content : List.of();
    }

    /** An assistant message's reasoning, or null. */
    public String reasoning() {
        return reasoning;
    }

    /** An assistant message's tool calls, else empty. */
    public List<ToolCall> toolCalls() {
        return toolCalls == null ? List.of() : toolCalls;
    }

    /** The call a tool message answers, else null. */
    public String toolCallId() {
        return toolCallId;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Message)) return false;
        Message that = (Message) o;
        return role.equals(that.role) && Objects.equals(content, that.content)
                && Objects.equals(reasoning, that.reasoning) && Objects.equals(toolCalls, that.toolCalls)
                && Objects.equals(toolCallId, that.toolCallId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, content, reasoning, toolCalls, toolCallId);
    }

    @Override
    public String toString() {
        return "Message{role=" + role + ", content=" + content
                + (reasoning == null ? "" : ", reasoning=" + reasoning)
                + (toolCalls == null ? "" : ", toolCalls=" + toolCalls)
                + (toolCallId == null ? "" : ", toolCallId=" + toolCallId) + '}';
    }
}
