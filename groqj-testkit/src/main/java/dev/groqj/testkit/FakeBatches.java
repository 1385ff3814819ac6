package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's files and batches, in memory. Uploaded files are kept until deleted. Unpaced, a batch moves one status
 * on each {@code GET /batches/{id}}: validating, then in_progress (or failed when the input file is malformed), then
 * finalizing (every line runs through the built-in chat or audio model), then completed with an output file (and an
 * error file for requests that failed). Paced, each of those steps, and each request, takes one pace of the injected
 * clock, so {@code request_counts} grow as the clock moves. A cancelled batch goes cancelling, then cancelled; when
 * the clock passes {@code expires_at} first, the batch is expired. Either way the requests that ran keep their
 * results and the others go to the error file as {@code batch_cancelled} or {@code batch_expired}.
 */
final class FakeBatches {
    /** Groq's limit for a batch input file. */
    static final long MAX_FILE_BYTES = 200L * 1024 * 1024;
    private static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    /** What a line may target: Groq's batches take chat, transcription and translation requests, mixed. */
    static final List<String> LINE_URLS =
            List.of(CHAT_COMPLETIONS, "/v1/audio/transcriptions", "/v1/audio/translations");
    private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,4})([hd])");

    /** Runs one request (its line's {@code url} and {@code body}) and answers {@code {"status_code","request_id","body"}}. */
    interface Runner extends BiFunction<String, JsonNode, ObjectNode> {
    }

    private record StoredFile(String id, String filename, String purpose, long createdAt, byte[] content) {
        ObjectNode toJson() {
            return Json.MAPPER.createObjectNode().put("id", id).put("object", "file").put("bytes", content.length)
                    .put("created_at", createdAt).put("filename", filename).put("purpose", purpose);
        }
    }

    private final Clock clock;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, ObjectNode> batches = new LinkedHashMap<>();
    /** Each batch's requests and the results of those that ran. */
    private final Map<String, Run> runs = new LinkedHashMap<>();
    /** How long each step of a batch takes on the clock, or null for one step per retrieve. */
    private final Duration pace;
    private long counter;

    /** A batch's progress: its requests once validated, the results so far, and when the current step began. */
    private static final class Run {
        List<JsonNode> lines;
        final List<ObjectNode> done = new ArrayList<>();
        Instant since;

        Run(Instant since) {
            this.since = since;
        }
    }

    FakeBatches(Clock clock, Duration pace) {
        this.clock = clock;
        this.pace = pace;
    }

    synchronized void reset() {
        files.clear();
        batches.clear();
        runs.clear();
    }

    // ---- files ----

    synchronized ObjectNode upload(List<RecordedRequest.Part> parts) {
        String purpose = parts.stream().filter(p -> p.name().equals("purpose") && p.filename() == null)
                .map(RecordedRequest.Part::text).findFirst().orElse(null);
        RecordedRequest.Part file = parts.stream().filter(p -> p.name().equals("file") && p.filename() != null)
                .findFirst().orElse(null);
        if (file == null) {
            throw GroqErrors.Failure.invalid("file", "request must be multipart/form-data with a 'file' part");
        }
        if (!"batch".equals(purpose)) {
            throw GroqErrors.Failure.invalid("purpose", "purpose must be 'batch', got '" + purpose + "'");
        }
        if (!file.filename().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw GroqErrors.Failure.invalid("file", "file must be a .jsonl file, got '" + file.filename() + "'");
        }
        if (file.size() > MAX_FILE_BYTES) {
            throw new GroqErrors.Failure(413, "invalid_request_error", "request_too_large", "file",
                    "file exceeds the maximum size of 200 MB");
        }
        return store(file.filename(), "batch", file.bytes()).toJson();
    }

    synchronized ObjectNode listFiles(String query) {
        List<ObjectNode> all = new ArrayList<>();
        files.values().forEach(f -> all.add(f.toJson()));
        return page(all, query);
    }

    synchronized ObjectNode file(String id) {
        return requireFile(id).toJson();
    }

    synchronized boolean hasFile(String id) {
        return files.containsKey(id);
    }

    synchronized ObjectNode deleteFile(String id) {
        files.remove(requireFile(id).id());
        return Json.MAPPER.createObjectNode().put("id", id).put("object", "file").put("deleted", true);
    }

    synchronized byte[] content(String id) {
        return requireFile(id).content().clone();
    }

    // ---- batches ----

    synchronized ObjectNode create(JsonNode request) {
        String inputFileId = request.path("input_file_id").asText(null);
        if (inputFileId == null || inputFileId.isBlank()) {
            throw GroqErrors.Failure.invalid("input_file_id", "input_file_id is required");
        }
        String endpoint = request.path("endpoint").asText(null);
        if (!CHAT_COMPLETIONS.equals(endpoint)) {
            throw GroqErrors.Failure.invalid("endpoint", "endpoint must be '" + CHAT_COMPLETIONS + "', got '"
                    + endpoint + "'");
        }
        String window = request.path("completion_window").asText(null);
        long hours = windowHours(window);
        if (hours < 24 || hours > 7 * 24) {
            throw GroqErrors.Failure.invalid("completion_window", "completion_window must be a duration from 24h to"
                    + " 7d, got '" + window + "'");
        }
        JsonNode metadata = request.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw GroqErrors.Failure.invalid("metadata", "metadata must be an object of strings");
        }
        StoredFile input = requireFile(inputFileId);
        if (!input.purpose().equals("batch")) {
            throw GroqErrors.Failure.invalid("input_file_id", "file '" + inputFileId + "' has purpose '"
                    + input.purpose() + "', a batch needs an input file with purpose 'batch'");
        }
        long now = now();
        ObjectNode batch = Json.MAPPER.createObjectNode();
        batch.put("id", FakeGroqServer.ulid("batch_", ++counter)).put("object", "batch").put("endpoint", endpoint)
                .putNull("errors");
        batch.put("input_file_id", inputFileId).put("completion_window", window).put("status", "validating");
        batch.putNull("output_file_id").putNull("error_file_id");
        batch.put("created_at", now).putNull("in_progress_at").put("expires_at", now + hours * 3600);
        for (String at : List.of("finalizing_at", "completed_at", "failed_at", "expired_at", "cancelling_at",
                "cancelled_at")) {
            batch.putNull(at);
        }
        counts(batch, 0, 0, 0);
        if (metadata == null || metadata.isNull()) batch.putNull("metadata");
        else batch.set("metadata", metadata.deepCopy());
        batches.put(batch.get("id").asText(), batch);
        runs.put(batch.get("id").asText(), new Run(clock.instant()));
        return batch.deepCopy();
    }

    synchronized ObjectNode listBatches(String query) {
        List<ObjectNode> all = new ArrayList<>();
        batches.values().forEach(b -> all.add(b.deepCopy()));
        return page(all, query);
    }

    /**
     * A list answer. Asked with {@code limit} or {@code after} (OpenAI-style cursors; Groq's reference documents
     * none), it is one page: the items after the one with id {@code after}, at most {@code limit}, with
     * {@code has_more}, {@code first_id} and {@code last_id}. Asked with neither, it is the whole list, as Groq answers.
     */
    private static ObjectNode page(List<ObjectNode> all, String query) {
        ObjectNode list = Json.MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        String limit = queryParam(query, "limit");
        String after = queryParam(query, "after");
        if (limit == null && after == null) {
            all.forEach(data::add);
            return list;
        }
        int from = 0;
        if (after != null) {
            while (from < all.size() && !all.get(from).get("id").asText().equals(after)) from++;
            from++;
        }
        int size = limit == null ? all.size() : parseLimit(limit);
        List<ObjectNode> items = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        items.forEach(data::add);
        list.put("has_more", from + size < all.size());
        if (!items.isEmpty()) {
            list.put("first_id", items.get(0).get("id").asText());
            list.put("last_id", items.get(items.size() - 1).get("id").asText());
        }
        return list;
    }

    private static int parseLimit(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // answered below, like a wrong number
        }
        throw GroqErrors.Failure.invalid("limit", "limit must be a positive integer");
    }

    private static String queryParam(String query, String name) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The batch as its life has moved on: one step per retrieve, or as far as the clock says when paced. */
    synchronized ObjectNode retrieve(String id, Runner runner) {
        ObjectNode batch = requireBatch(id);
        advance(batch, runner);
        return batch.deepCopy();
    }

    synchronized ObjectNode cancel(String id) {
        ObjectNode batch = requireBatch(id);
        String status = batch.get("status").asText();
        if (!status.equals("validating") && !status.equals("in_progress")) {
            throw GroqErrors.Failure.invalid(null, "batch '" + id + "' is " + status + " and cannot be cancelled");
        }
        batch.put("status", "cancelling").put("cancelling_at", now());
        runs.get(id).since = clock.instant();
        return batch.deepCopy();
    }

    private void advance(ObjectNode batch, Runner runner) {
        Run run = runs.get(batch.get("id").asText());
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(batch.get("expires_at").asLong());
        if (pace != null) {
            // Each step (validating, each request, finalizing, cancelling) takes one pace, until the window closes.
            Instant until = now.isBefore(expires) ? now : expires;
            while (!isTerminal(batch.get("status").asText())) {
                long due = Duration.between(run.since, until).toNanos() / pace.toNanos();
                if (due <= 0) break;
                int requests = batch.get("status").asText().equals("in_progress")
                        ? (int) Math.min(due, run.lines.size() - run.done.size()) : 1;
                run.since = run.since.plus(pace.multipliedBy(requests));
                step(batch, run, runner, requests);
            }
        }
        String status = batch.get("status").asText();
        boolean running = status.equals("validating") || status.equals("in_progress") || status.equals("finalizing");
        if (running && !now.isBefore(expires)) {
            end(batch, run, "expired", "batch_expired", "This request could not be executed before the completion"
                    + " window expired.");
        } else if (pace == null) {
            step(batch, run, runner, run.lines == null ? 0 : run.lines.size());
        }
    }

    /** One step of the batch's life; in_progress runs up to {@code requests} more of its requests. */
    private void step(ObjectNode batch, Run run, Runner runner, int requests) {
        long now = now();
        switch (batch.get("status").asText()) {
            case "validating": {
                List<ObjectNode> errors = new ArrayList<>();
                List<JsonNode> lines = parseInput(files.get(batch.get("input_file_id").asText()), errors);
                if (!errors.isEmpty()) {
                    ObjectNode e = batch.putObject("errors").put("object", "list");
                    e.putArray("data").addAll(errors);
                    batch.put("status", "failed").put("failed_at", now);
                } else {
                    run.lines = lines;
                    batch.put("status", "in_progress").put("in_progress_at", now);
                    counts(batch, lines.size(), 0, 0);
                }
                return;
            }
            case "in_progress": {
                int until = Math.min(run.lines.size(), run.done.size() + Math.max(requests, 0));
                for (int i = run.done.size(); i < until; i++) {
                    JsonNode line = run.lines.get(i);
                    ObjectNode out = resultLine(line);
                    out.set("response", runner.apply(line.get("url").asText(), line.get("body")));
                    out.putNull("error");
                    run.done.add(out);
                }
                long completed = run.done.stream().filter(FakeBatches::succeeded).count();
                counts(batch, run.lines.size(), completed, run.done.size() - completed);
                if (run.done.size() == run.lines.size()) batch.put("status", "finalizing").put("finalizing_at", now);
                return;
            }
            case "finalizing":
                writeResults(batch, run.done);
                batch.put("status", "completed").put("completed_at", now);
                return;
            case "cancelling":
                end(batch, run, "cancelled", "batch_cancelled", "This request was not executed: the batch was"
                        + " cancelled.");
                return;
            default:
                // terminal: nothing changes any more
        }
    }

    /**
     * Ends a batch early: the requests that ran keep their results, the others go to the error file with
     * {@code code}, and count as failed.
     */
    private void end(ObjectNode batch, Run run, String status, String code, String message) {
        List<ObjectNode> all = new ArrayList<>(run.done);
        if (run.lines != null) {
            for (JsonNode line : run.lines.subList(run.done.size(), run.lines.size())) {
                ObjectNode out = resultLine(line);
                out.putNull("response");
                out.putObject("error").put("code", code).put("message", message);
                all.add(out);
            }
            long completed = all.stream().filter(FakeBatches::succeeded).count();
            counts(batch, all.size(), completed, all.size() - completed);
        }
        writeResults(batch, all);
        batch.put("status", status).put(status + "_at", now());
    }

    private ObjectNode resultLine(JsonNode line) {
        return Json.MAPPER.createObjectNode().put("id", FakeGroqServer.ulid("batch_req_", ++counter))
                .put("custom_id", line.get("custom_id").asText());
    }

    private void writeResults(ObjectNode batch, List<ObjectNode> done) {
        String id = batch.get("id").asText();
        byte[] ok = jsonl(done, true);
        byte[] failed = jsonl(done, false);
        if (ok.length > 0) batch.put("output_file_id", store(id + "_output.jsonl", "batch_output", ok).id());
        if (failed.length > 0) batch.put("error_file_id", store(id + "_error.jsonl", "batch_output", failed).id());
    }

    private static boolean succeeded(ObjectNode line) {
        JsonNode response = line.get("response");
        return response != null && response.path("status_code").asInt() == 200;
    }

    private static boolean isTerminal(String status) {
        return List.of("completed", "failed", "expired", "cancelled").contains(status);
    }

    /** The input's requests; problems go to {@code errors} as Groq's batch error entries. */
    private static List<JsonNode> parseInput(StoredFile input, List<ObjectNode> errors) {
        List<JsonNode> lines = new ArrayList<>();
        if (input == null) {
            errors.add(error("file_not_found", "the input file was deleted", "input_file_id", null));
            return lines;
        }
        Set<String> ids = new HashSet<>();
        String[] raw = new String(input.content(), StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) continue;
            int number = i + 1;
            JsonNode line;
            try {
                line = Json.MAPPER.readTree(raw[i]);
            } catch (IOException e) {
                errors.add(error("invalid_json_line", "line " + number + " is not valid JSON", null, number));
                continue;
            }
            String problem = !line.isObject() ? "must be a JSON object"
                    : !line.path("custom_id").isTextual() || line.get("custom_id").asText().isBlank()
                            ? "needs a 'custom_id' string"
                    : !ids.add(line.get("custom_id").asText()) ? "repeats custom_id '" + line.get("custom_id").asText()
                            + "'"
                    : !"POST".equals(line.path("method").asText()) ? "needs 'method': 'POST'"
                    : !LINE_URLS.contains(line.path("url").asText()) ? "needs a 'url' among " + LINE_URLS
                    : !line.path("body").isObject() ? "needs a 'body' object" : null;
            if (problem != null) {
                errors.add(error("invalid_request", "line " + number + " " + problem, null, number));
            } else {
                lines.add(line);
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(error("empty_file", "the input file has no requests", "input_file_id", null));
        }
        return lines;
    }

    private static ObjectNode error(String code, String message, String param, Integer line) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("code", code).put("message", message);
        if (param == null) e.putNull("param"); else e.put("param", param);
        if (line == null) e.putNull("line"); else e.put("line", line);
        return e;
    }

    private static byte[] jsonl(List<ObjectNode> lines, boolean successes) {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode line : lines) {
            if (succeeded(line) == successes) sb.append(Json.writeString(line)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void counts(ObjectNode batch, long total, long completed, long failed) {
        batch.putObject("request_counts").put("total", total).put("completed", completed).put("failed", failed);
    }

    private static long windowHours(String window) {
        Matcher m = window == null ? null : WINDOW.matcher(window);
        if (m == null || !m.matches()) return -1;
        return Long.parseLong(m.group(1)) * (m.group(2).equals("d") ? 24 : 1);
    }

    private StoredFile store(String filename, String purpose, byte[] content) {
        StoredFile file = new StoredFile(FakeGroqServer.ulid("file_", ++counter), filename, purpose, now(), content);
        files.put(file.id(), file);
        return file;
    }

    private StoredFile requireFile(String id) {
        return require(files, "file", id);
    }

    private ObjectNode requireBatch(String id) {
        return require(batches, "batch", id);
    }

    /** The stored object, or Groq's 404. */
    private static <T> T require(Map<String, T> stored, String kind, String id) {
        T value = stored.get(id);
        if (value == null) {
            throw new GroqErrors.Failure(404, "invalid_request_error", "not_found", null,
                    kind + " '" + id + "' not found");
        }
        return value;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
