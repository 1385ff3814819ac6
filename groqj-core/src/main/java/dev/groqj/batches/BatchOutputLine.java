package dev.groqj.batches;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.audio.Transcription;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.error.GroqException;
import dev.groqj.internal.Json;
import dev.groqj.internal.UnknownFields;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One line of a batch's output or error file: the result of the request with the same {@link #customId()}.
 *
 * <pre>{@code
 * for (BatchOutputLine line : BatchOutputLine.parse(client.files().content(batch.outputFileId()))) {
 *     if (line.isSuccess()) System.out.println(line.customId() + ": " + line.chatCompletion().choices().get(0).message().content());
 * }
 * }</pre>
 *
 * <p>A request Groq answered has a {@link #response()} (its status, request id and body, as a chat call would
 * have got them); a request that could not run has an {@link #error()}. Lines come in no particular order.
 */
public record BatchOutputLine(
        String id,
        @JsonProperty("custom_id") String customId,
        Response response,
        Error error,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public BatchOutputLine {
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** The HTTP answer to one request. */
    public record Response(@JsonProperty("status_code") int statusCode,
                           @JsonProperty("request_id") String requestId,
                           JsonValue body) {
    }

    /** Why a request could not run. */
    public record Error(String code, String message) {
    }

    /** Whether the request got a 2xx answer and no error. */
    public boolean isSuccess() {
        return error == null && response != null && response.statusCode() >= 200 && response.statusCode() < 300;
    }

    /** The answer's body as a chat completion, or null when the request did not succeed. */
    public ChatCompletion chatCompletion() {
        if (!isSuccess() || response.body() == null) return null;
        return Json.MAPPER.convertValue(response.body(), ChatCompletion.class);
    }

    /**
     * The answer's body as a transcription or translation (an audio line's answer), or null when the request did
     * not succeed.
     */
    public Transcription transcription() {
        if (!isSuccess() || response.body() == null) return null;
        return Json.MAPPER.convertValue(response.body(), Transcription.class);
    }

    /** Reads one line of JSON. */
    public static BatchOutputLine parseLine(String line) {
        return Json.read(line, BatchOutputLine.class);
    }

    /** Every line of a JSONL output or error file, blank lines skipped. */
    public static List<BatchOutputLine> parse(byte[] jsonl) {
        List<BatchOutputLine> lines = new ArrayList<>();
        read(new ByteArrayInputStream(jsonl), lines::add);
        return lines;
    }

    /** Every line of the JSONL file at {@code file}, read line by line. */
    public static List<BatchOutputLine> parse(Path file) {
        List<BatchOutputLine> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            read(in, lines::add);
        } catch (IOException e) {
            throw new GroqException("cannot read batch results from " + file + ": " + e, e);
        }
        return lines;
    }

    /** Hands each line of {@code jsonl} to {@code action} as it is read, for files too large to hold as a list. */
    public static void read(InputStream jsonl, Consumer<? super BatchOutputLine> action) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8));
        int number = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) continue;
                BatchOutputLine parsed;
                try {
                    parsed = parseLine(line);
                } catch (GroqException e) {
                    throw new GroqException("batch results, line " + number + ": " + e.getMessage(), e);
                }
                action.accept(parsed);
            }
        } catch (IOException e) {
            throw new GroqException("cannot read batch results: " + e, e);
        }
    }
}
