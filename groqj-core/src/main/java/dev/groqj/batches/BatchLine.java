package dev.groqj.batches;

import dev.groqj.JsonValue;
import dev.groqj.audio.AudioFile;
import dev.groqj.audio.TimestampGranularity;
import dev.groqj.audio.TranscriptionFormat;
import dev.groqj.audio.TranscriptionRequest;
import dev.groqj.audio.TranslationRequest;
import dev.groqj.chat.ChatRequest;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request of a batch's input file: {@code {"custom_id":…,"method":"POST","url":"/v1/chat/completions","body":{…}}}.
 *
 * <pre>{@code
 * BatchLine line = BatchLine.chat("q-1", ChatRequest.builder().model("llama-3.1-8b-instant")
 *         .addMessage(Message.user("Why is the sky blue?")).build());
 * BatchLine audio = BatchLine.transcription("a-1", TranscriptionRequest.builder()
 *         .url("https://example.com/talk.wav").model(TranscriptionRequest.WHISPER_LARGE_V3).build());
 * }</pre>
 *
 * <p>Groq's batch lines may target chat completions, audio transcriptions and audio translations, mixed in one
 * file. An audio line is JSON, so it carries the audio's {@code url} (Groq fetches it), never an uploaded file.
 */
public final class BatchLine {
    /** The {@code url} of a transcription line. */
    public static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";
    /** The {@code url} of a translation line. */
    public static final String TRANSLATIONS = "/v1/audio/translations";

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

    /** A transcription of the audio at the request's {@code url}; a request with a file is refused. */
    public static BatchLine transcription(String customId, TranscriptionRequest request) {
        Objects.requireNonNull(request, "request == null");
        Map<String, Object> body = audioBody(request.file(), request.url(), request.model(), request.prompt(),
                request.responseFormat(), request.temperature());
        if (request.language() != null) body.put("language", request.language());
        if (!request.timestampGranularities().isEmpty()) {
            body.put("timestamp_granularities", request.timestampGranularities().stream()
                    .map(TimestampGranularity::wireName).toList());
        }
        return new BatchLine(customId, "POST", TRANSCRIPTIONS, JsonValue.of(body));
    }

    /** A translation into English of the audio at the request's {@code url}; a request with a file is refused. */
    public static BatchLine translation(String customId, TranslationRequest request) {
        Objects.requireNonNull(request, "request == null");
        return new BatchLine(customId, "POST", TRANSLATIONS, JsonValue.of(audioBody(request.file(), request.url(),
                request.model(), request.prompt(), request.responseFormat(), request.temperature())));
    }

    /** The fields both audio requests send, as Groq's synchronous endpoints name them. */
    private static Map<String, Object> audioBody(AudioFile file, String url, String model, String prompt,
                                                 TranscriptionFormat format, Double temperature) {
        if (file != null) {
            throw new ValidationException("file", "a batch line is JSON and cannot carry '" + file.fileName()
                    + "': host the audio and give its url; Groq fetches it when the line runs");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("url", url);
        if (prompt != null) body.put("prompt", prompt);
        if (format != null) body.put("response_format", format.wireName());
        if (temperature != null) body.put("temperature", BigDecimal.valueOf(temperature));
        return body;
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

    /** The body's {@code model}, or null when it names none. */
    public String model() {
        JsonValue model = body.get("model");
        return model.isString() ? model.asString() : null;
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
