package dev.groqj.batches;

import dev.groqj.JsonValue;
import dev.groqj.chat.ChatRequest;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request of a batch's input file: {@code {"custom_id":…,"method":"POST","url":"/v1/chat/completions","body":{…}}}.
 *
 * <pre>{@code
 * BatchLine line = BatchLine.chat("q-1", ChatRequest.builder().model("llama-3.1-8b-instant")
 *         .addMessage(Message.user("Why is the sky blue?")).build());
 * }</pre>
 */
public final class BatchLine {
    private final String customId;
    private final String method;
    private final String url;
    private final JsonValue body;

    private BatchLine(String customId, String method, String url, JsonValue body) {
        if (customId == null || customId.isBlank()) {
            throw new ValidationException("custom_id", "is required: it pairs each result with its request");
        }
        this.customId = customId;
        this.method = Objects.requireNonNull(method, "method == null");
        this.url = Objects.requireNonNull(url, "url == null");
        this.body = Objects.requireNonNull(body, "body == null");
    }

    /** A chat completion; its answer comes back under the same {@code customId}. */
    public static BatchLine chat(String customId, ChatRequest request) {
        Objects.requireNonNull(request, "request == null");
        return new BatchLine(customId, "POST", BatchCreateRequest.CHAT_COMPLETIONS, JsonValues.valueOf(request));
    }

    /** Any request: {@code body} is a {@link JsonValue}, a Map, or a bean serialized with groqj's JSON settings. */
    public static BatchLine of(String customId, String method, String url, Object body) {
        Objects.requireNonNull(body, "body == null");
        return new BatchLine(customId, method, url, JsonValues.valueOf(body));
    }

    public String customId() {
        return customId;
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    public JsonValue body() {
        return body;
    }

    /** The line as written to the input file, without the newline. */
    public String toJson() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("custom_id", customId);
        line.put("method", method);
        line.put("url", url);
        line.put("body", body);
        return JsonValue.of(line).toJson();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
