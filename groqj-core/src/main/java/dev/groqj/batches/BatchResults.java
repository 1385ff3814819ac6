package dev.groqj.batches;

import dev.groqj.JsonValue;
import dev.groqj.audio.Transcription;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.error.GroqException;
import dev.groqj.internal.ErrorMapper;
import dev.groqj.transport.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link BatchJob} got back, by {@code custom_id}: each request's answer or its error, from the output and
 * error files of all its batches (a resubmitted line's last outcome wins).
 *
 * <pre>{@code
 * BatchResults results = job.await();
 * ChatCompletion c = results.chatCompletion("q-1");      // or throws that request's error, typed as a call's would be
 * for (String id : results.failed()) log.warn("{}: {}", id, results.error(id).getMessage());
 * }</pre>
 */
public final class BatchResults {
    private final Map<String, BatchOutputLine> lines;
    private final List<Batch> batches;
    private final Set<String> missing;

    BatchResults(Map<String, BatchOutputLine> lines, List<Batch> batches, Set<String> submitted) {
        this.lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        this.batches = List.copyOf(batches);
        Set<String> absent = new LinkedHashSet<>(submitted);
        absent.removeAll(lines.keySet());
        this.missing = Collections.unmodifiableSet(absent);
    }

    /** Every result line by custom id. */
    public Map<String, BatchOutputLine> lines() {
        return lines;
    }

    /** The result line of {@code customId}, or null when there is none. */
    public BatchOutputLine line(String customId) {
        return lines.get(customId);
    }

    /** The batches the results came from, as they ended (a failed batch's {@link Batch#errors()} say why). */
    public List<Batch> batches() {
        return batches;
    }

    /** The custom ids whose request succeeded, in the order their results were read. */
    public List<String> succeeded() {
        List<String> ids = new ArrayList<>();
        lines.forEach((id, line) -> {
            if (line.isSuccess()) ids.add(id);
        });
        return ids;
    }

    /** The custom ids whose request failed (an error answer, or an error such as the batch expiring first). */
    public List<String> failed() {
        List<String> ids = new ArrayList<>();
        lines.forEach((id, line) -> {
            if (!line.isSuccess()) ids.add(id);
        });
        return ids;
    }

    /**
     * The custom ids this job added that have no result line, e.g. the lines of a batch that failed validation.
     * Empty for a {@linkplain BatchJob#resume resumed} job, which does not know which ids it sent.
     */
    public Set<String> missing() {
        return missing;
    }

    /** The chat completion of {@code customId}; throws the request's error, or a {@link GroqException} if it has none. */
    public ChatCompletion chatCompletion(String customId) {
        return require(customId).chatCompletion();
    }

    /** The transcription or translation of {@code customId}; throws as {@link #chatCompletion} does. */
    public Transcription transcription(String customId) {
        return require(customId).transcription();
    }

    /**
     * The error of {@code customId} as the synchronous call would have thrown it (a 404 is a
     * {@link dev.groqj.error.NotFoundException}, …; an error without an HTTP answer, such as {@code batch_expired},
     * has status 0 and its code in {@link GroqException#errorCode()}), or null when it succeeded.
     */
    public GroqException error(String customId) {
        BatchOutputLine line = lines.get(customId);
        if (line == null) return new GroqException("no result for custom_id '" + customId + "'");
        return line.isSuccess() ? null : toException(line);
    }

    private BatchOutputLine require(String customId) {
        GroqException error = error(customId);
        if (error != null) throw error;
        return lines.get(customId);
    }

    static GroqException toException(BatchOutputLine line) {
        if (line.response() != null && line.error() == null) {
            BatchOutputLine.Response r = line.response();
            String body = r.body() == null ? "" : r.body().toJson();
            Headers headers = r.requestId() == null ? Headers.EMPTY : Headers.ofPairs("x-request-id", r.requestId());
            return ErrorMapper.map(r.statusCode(), headers, body.getBytes(StandardCharsets.UTF_8), null,
                    Clock.systemUTC());
        }
        BatchOutputLine.Error e = line.error();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e == null || e.message() == null ? "the request has no result" : e.message());
        error.put("code", e == null ? null : e.code());
        String body = JsonValue.of(Map.of("error", error)).toJson();
        return ErrorMapper.map(0, Headers.EMPTY, body.getBytes(StandardCharsets.UTF_8), null, Clock.systemUTC());
    }

    /** How many requests have a result line. */
    public int size() {
        return lines.size();
    }

    @Override
    public String toString() {
        return "BatchResults{lines=" + lines.size() + ", failed=" + failed().size() + ", missing=" + missing.size()
                + ", batches=" + batches.size() + '}';
    }
}
