package dev.groqj.batches;

import dev.groqj.GroqClient;
import dev.groqj.audio.TranscriptionRequest;
import dev.groqj.audio.TranslationRequest;
import dev.groqj.chat.ChatRequest;
import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import dev.groqj.files.FileUploadRequest;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Json;
import dev.groqj.internal.check.Checks;
import dev.groqj.models.Model;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Many requests run through Groq's Batch API, end to end: add typed requests, {@link #submit()}, {@link #await()}
 * the results by {@code custom_id}.
 *
 * <pre>{@code
 * BatchJob job = BatchJob.builder(client)
 *         .completionWindow("24h")
 *         .progressListener(p -> System.out.printf("%.0f%%%n", p.fraction() * 100))
 *         .build();
 * job.addChat("q-1", ChatRequest.builder().model("llama-3.1-8b-instant").addMessage(Message.user("Hi")).build());
 * job.addTranscription("a-1", TranscriptionRequest.builder().url("https://example.com/talk.wav")
 *         .model(TranscriptionRequest.WHISPER_LARGE_V3).build());
 * List<String> ids = job.submit();                     // keep them: BatchJob.resume(client, ids) after a restart
 * BatchResults results = job.await();
 * results.chatCompletion("q-1").choices().get(0).message().content();
 * }</pre>
 *
 * <p>Each line is checked when it is added (a custom id used once, a model, an endpoint a batch line may target, no
 * streaming, at most {@link #MAX_BYTES_PER_FILE}) and appended to a JSONL file on disk, never held in memory; once a
 * file would pass {@link #MAX_LINES_PER_FILE} lines or {@link #MAX_BYTES_PER_FILE} bytes the next line starts a new
 * file, and each file becomes its own batch. Before uploading, the job asks Groq once for the models this key can
 * use and refuses lines naming others (a typo would otherwise fail every line hours later).
 *
 * <p>{@link #await()} polls the batches, waiting between polls from {@link Builder#pollInterval} doubling up to
 * {@link Builder#maxPollInterval} while nothing changes, through the client's sleeper and clock (tests inject both
 * and run in milliseconds). Result files are streamed to disk and read line by line. With
 * {@link Builder#resubmitFailed(int)} the lines that failed for reasons of Groq's (an expired window, a 429 or 5xx
 * answer) go into new batches, up to that many rounds.
 *
 * <p>A job is not thread-safe: one thread adds, submits and awaits.
 */
public final class BatchJob {
    /** Groq's limit of lines in one batch input file. */
    public static final int MAX_LINES_PER_FILE = 50_000;
    /** Groq's limit of bytes in one batch input file: 200 MB. */
    public static final long MAX_BYTES_PER_FILE = FileUploadRequest.MAX_BYTES;

    private static final Set<String> ENDPOINTS =
            Set.of(BatchCreateRequest.CHAT_COMPLETIONS, BatchLine.TRANSCRIPTIONS, BatchLine.TRANSLATIONS);
    /** Groq translates with whisper-large-v3, not its turbo variant. */
    private static final String NO_TRANSLATION = TranscriptionRequest.WHISPER_LARGE_V3_TURBO;

    private final GroqClient client;
    private final ApiClient api;
    private final Settings settings;
    private final boolean ownsDirectory;
    private Path directory;

    /** Ids added so far, to refuse a second use and to tell which got no result. */
    private final Set<String> customIds = new LinkedHashSet<>();
    /** How many lines name each model, and the first few ids, for the check against the models Groq serves. */
    private final Map<String, ModelUse> models = new TreeMap<>();
    private final List<Path> inputFiles = new ArrayList<>();
    private PartWriter writer;

    /** The job's batches, resubmissions last, as last retrieved. */
    private final List<Batch> batches = new ArrayList<>();
    /** Where each batch's input is on disk, when this job wrote or downloaded it. */
    private final Map<String, Path> inputByBatch = new HashMap<>();
    private boolean submitted;
    private int partCounter;

    private BatchJob(GroqClient client, Settings settings) {
        this.client = Objects.requireNonNull(client, "client == null");
        this.api = client.batches().api();
        this.settings = settings;
        this.ownsDirectory = settings.directory == null;
        this.directory = settings.directory;
    }

    /** A job to fill with requests, configured on the builder. */
    public static Builder builder(GroqClient client) {
        return new Builder(client);
    }

    /** The job that submitted {@code batchIds}, with default settings; {@link Builder#resume} takes settings. */
    public static BatchJob resume(GroqClient client, String... batchIds) {
        return builder(client).resume(Arrays.asList(batchIds));
    }

    public static BatchJob resume(GroqClient client, List<String> batchIds) {
        return builder(client).resume(batchIds);
    }

    // ---- adding ----

    /** Adds a chat completion under {@code customId}. */
    public BatchJob addChat(String customId, ChatRequest request) {
        return add(BatchLine.chat(customId, request));
    }

    /** Adds a transcription of the audio at the request's url under {@code customId}. */
    public BatchJob addTranscription(String customId, TranscriptionRequest request) {
        return add(BatchLine.transcription(customId, request));
    }

    /** Adds a translation of the audio at the request's url under {@code customId}. */
    public BatchJob addTranslation(String customId, TranslationRequest request) {
        return add(BatchLine.translation(customId, request));
    }

    /** Checks {@code line} and appends it to the current input file; a full file is closed and a new one begun. */
    public BatchJob add(BatchLine line) {
        Objects.requireNonNull(line, "line == null");
        if (submitted) throw new IllegalStateException("the job was submitted; start a new BatchJob for more lines");
        byte[] json = (line.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        check(line, json.length);
        if (!customIds.add(line.customId())) {
            throw new ValidationException("custom_id", "'" + line.customId() + "' is used twice; each request needs"
                    + " its own id to find its result");
        }
        ModelUse use = models.computeIfAbsent(line.model(), m -> new ModelUse());
        if (use.examples.size() < 3) use.examples.add(line.customId());
        use.lines++;
        try {
            if (writer == null || !writer.fits(json.length)) startNewFile();
            writer.write(json);
        } catch (IOException e) {
            throw new GroqException("cannot write the batch input to " + directory + ": " + e, e);
        }
        return this;
    }

    private void check(BatchLine line, int bytes) {
        String id = "'" + line.customId() + "'";
        if (!"POST".equals(line.method())) {
            throw new ValidationException("method", id + " must be POST, was " + line.method());
        }
        if (!ENDPOINTS.contains(line.url())) {
            throw new ValidationException("url", id + " targets " + line.url() + "; a batch line may target "
                    + String.join(", ", new TreeSet<>(ENDPOINTS)));
        }
        if (line.model() == null || line.model().isBlank()) {
            throw new ValidationException("model", id + " names no model");
        }
        if (line.url().equals(BatchLine.TRANSLATIONS) && line.model().equals(NO_TRANSLATION)) {
            throw new ValidationException("model", id + ": " + NO_TRANSLATION + " does not translate;"
                    + " use " + TranslationRequest.WHISPER_LARGE_V3);
        }
        if (line.body().get("stream").isBoolean() && line.body().get("stream").asBoolean()) {
            throw new ValidationException("stream", id + " asks for a stream; batch answers are whole");
        }
        if (bytes > settings.maxBytesPerFile) {
            throw new ValidationException("body", id + " is " + bytes + " bytes, more than a whole batch file may"
                    + " have (" + settings.maxBytesPerFile + ")");
        }
    }

    private void startNewFile() throws IOException {
        if (writer != null) writer.close();
        if (directory == null) directory = Files.createTempDirectory("groqj-batch-");
        Path file = directory.resolve(String.format("batch-input-%03d.jsonl", ++partCounter));
        inputFiles.add(file);
        writer = new PartWriter(file, settings.maxLinesPerFile, settings.maxBytesPerFile);
    }

    /** The input files written so far, one per batch to be, complete on disk. */
    public List<Path> inputFiles() {
        if (writer != null) {
            try {
                writer.out.flush();
            } catch (IOException e) {
                throw new GroqException("cannot write the batch input " + writer.file + ": " + e, e);
            }
        }
        return List.copyOf(inputFiles);
    }

    // ---- submitting ----

    /**
     * Checks the models, then uploads each input file and creates its batch. Returns the batch ids; keep them to
     * {@link #resume} the job in another JVM.
     *
     * @throws ValidationException when no line was added, or a line names a model this key cannot use
     */
    public List<String> submit() {
        if (submitted) throw new IllegalStateException("the job was already submitted");
        if (customIds.isEmpty()) throw new ValidationException("input", "a batch needs at least one request");
        closeWriter();
        if (settings.verifyModels) verifyModels();
        submitted = true;
        for (Path file : inputFiles) {
            Batch batch = upload(file);
            inputByBatch.put(batch.id(), file);
        }
        return batchIds();
    }

    private void closeWriter() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new GroqException("cannot write the batch input " + writer.file + ": " + e, e);
        }
        writer = null;
    }

    private void verifyModels() {
        Set<String> served = client.models().list().data().stream().map(Model::id).collect(Collectors.toSet());
        for (Map.Entry<String, ModelUse> e : models.entrySet()) {
            if (served.contains(e.getKey())) continue;
            ModelUse use = e.getValue();
            throw new ValidationException("model", "'" + e.getKey() + "' is not among the models this key can use"
                    + " (named by " + use.lines + " line" + (use.lines == 1 ? "" : "s") + ": "
                    + String.join(", ", use.examples) + (use.lines > use.examples.size() ? ", …" : "")
                    + "); turn the check off with verifyModels(false)");
        }
    }

    private Batch upload(Path file) {
        String fileId = client.files().upload(FileUploadRequest.of(file)).id();
        Batch batch = client.batches().create(BatchCreateRequest.builder().inputFileId(fileId)
                .completionWindow(settings.completionWindow).metadata(settings.metadata).build());
        batches.add(batch);
        return batch;
    }

    /** The ids of the job's batches, resubmissions last. */
    public List<String> batchIds() {
        return batches.stream().map(Batch::id).toList();
    }

    /** The job's batches as last retrieved. */
    public List<Batch> batches() {
        return List.copyOf(batches);
    }

    // ---- waiting ----

    /**
     * Polls until every batch has ended, then reads their output and error files; with resubmission on, failed
     * lines go round again first. Submits the job when that was not done yet.
     *
     * @throws GroqException if the thread is interrupted while waiting, or a call fails
     */
    public BatchResults await() {
        if (!submitted) submit();
        Map<String, BatchOutputLine> results = new LinkedHashMap<>();
        List<Batch> round = new ArrayList<>(batches);
        for (int resubmissions = 0; ; resubmissions++) {
            List<Batch> ended = poll(round);
            Set<String> retry = new LinkedHashSet<>();
            for (Batch batch : ended) {
                readResults(batch, line -> {
                    results.put(line.customId(), line);
                    if (!line.isSuccess() && settings.resubmitWhen.test(line)) retry.add(line.customId());
                });
            }
            if (retry.isEmpty() || resubmissions >= settings.resubmitRounds) break;
            round = resubmit(ended, retry);
        }
        BatchResults answer = new BatchResults(results, batches, customIds);
        if (ownsDirectory) deleteDirectory();
        return answer;
    }

    /** Polls {@code round} until each batch ended; returns them as they ended. */
    private List<Batch> poll(List<Batch> round) {
        Map<String, Batch> current = new LinkedHashMap<>();
        round.forEach(b -> current.put(b.id(), b));
        BatchProgress last = BatchProgress.of(batches);
        settings.progressListener.accept(last); // where the job starts from
        Duration interval = settings.pollInterval;
        while (true) {
            for (Map.Entry<String, Batch> e : current.entrySet()) {
                if (!e.getValue().status().isTerminal()) {
                    Batch fresh = client.batches().retrieve(e.getKey());
                    e.setValue(fresh);
                    replace(fresh);
                }
            }
            BatchProgress progress = BatchProgress.of(batches);
            if (!sameState(last, progress)) {
                settings.progressListener.accept(progress);
                interval = settings.pollInterval; // things move: look again soon
            }
            last = progress;
            if (current.values().stream().allMatch(b -> b.status().isTerminal())) {
                return new ArrayList<>(current.values());
            }
            sleep(interval);
            interval = min(interval.multipliedBy(2), settings.maxPollInterval);
        }
    }

    private static boolean sameState(BatchProgress a, BatchProgress b) {
        return a.completed() == b.completed() && a.failed() == b.failed() && a.total() == b.total()
                && a.batches().stream().map(Batch::status).toList()
                        .equals(b.batches().stream().map(Batch::status).toList());
    }

    private void replace(Batch fresh) {
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).id().equals(fresh.id())) batches.set(i, fresh);
        }
    }

    private void sleep(Duration interval) {
        try {
            api.sleeper().sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GroqException("interrupted while waiting for batches " + batchIds(), e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Streams the batch's output, then error, file to disk and hands each line over as it is read. */
    private void readResults(Batch batch, Consumer<BatchOutputLine> action) {
        for (String fileId : BatchesService.resultFiles(batch)) {
            Path file = workFile(fileId + ".jsonl");
            client.files().content(fileId, file);
            try (InputStream in = Files.newInputStream(file)) {
                BatchOutputLine.read(in, action);
            } catch (IOException e) {
                throw new GroqException("cannot read batch results from " + file + ": " + e, e);
            }
        }
    }

    /** New batches of the lines of {@code ended} whose custom ids are in {@code retry}, within the file limits. */
    private List<Batch> resubmit(List<Batch> ended, Set<String> retry) {
        int before = inputFiles.size();
        for (Batch batch : ended) {
            Path input = inputByBatch.get(batch.id());
            if (input == null || !Files.exists(input)) {
                input = workFile(batch.inputFileId() + ".jsonl");
                client.files().content(batch.inputFileId(), input);
            }
            copyLines(input, retry);
        }
        closeWriter();
        List<Batch> round = new ArrayList<>();
        for (Path file : inputFiles.subList(before, inputFiles.size())) {
            Batch batch = upload(file);
            inputByBatch.put(batch.id(), file);
            round.add(batch);
        }
        return round;
    }

    /** Appends the lines of {@code input} whose custom id is in {@code ids} to new input files, line by line. */
    private void copyLines(Path input, Set<String> ids) {
        try (Stream<String> lines = Files.lines(input, StandardCharsets.UTF_8)) {
            for (String text : (Iterable<String>) lines::iterator) {
                if (text.isBlank()) continue;
                String id = Json.tree(text).path("custom_id").asText(null);
                if (!ids.contains(id)) continue;
                byte[] json = (text + "\n").getBytes(StandardCharsets.UTF_8);
                if (writer == null || !writer.fits(json.length)) startNewFile();
                writer.write(json);
            }
        } catch (IOException e) {
            throw new GroqException("cannot copy failed lines from " + input + ": " + e, e);
        }
    }

    private Path workFile(String name) {
        try {
            if (directory == null) directory = Files.createTempDirectory("groqj-batch-");
            return directory.resolve(name);
        } catch (IOException e) {
            throw new GroqException("cannot create a directory for batch files: " + e, e);
        }
    }

    private void deleteDirectory() {
        if (directory == null) return;
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // only temporary files are left behind
        }
        directory = null;
        inputByBatch.clear();
    }

    /** Cancels every batch of the job that has not ended; Groq finishes them as {@code cancelled}. */
    public List<Batch> cancel() {
        for (int i = 0; i < batches.size(); i++) {
            if (!batches.get(i).status().isTerminal()) batches.set(i, client.batches().cancel(batches.get(i).id()));
        }
        return batches();
    }

    @Override
    public String toString() {
        return "BatchJob{lines=" + customIds.size() + ", files=" + inputFiles.size() + ", batches=" + batchIds() + '}';
    }

    private static final class ModelUse {
        final List<String> examples = new ArrayList<>(3);
        long lines;
    }

    /** One input file being written: a buffered stream, and how full it is. */
    private static final class PartWriter {
        final Path file;
        final OutputStream out;
        final int maxLines;
        final long maxBytes;
        int lines;
        long bytes;

        PartWriter(Path file, int maxLines, long maxBytes) throws IOException {
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.maxLines = maxLines;
            this.maxBytes = maxBytes;
        }

        boolean fits(int lineBytes) {
            return lines < maxLines && bytes + lineBytes <= maxBytes;
        }

        void write(byte[] line) throws IOException {
            out.write(line);
            lines++;
            bytes += line.length;
        }

        void close() throws IOException {
            out.close();
        }
    }

    /** What a builder sets; shared by new and resumed jobs. */
    private static final class Settings {
        String completionWindow = "24h";
        Map<String, String> metadata = Map.of();
        Path directory;
        int maxLinesPerFile = MAX_LINES_PER_FILE;
        long maxBytesPerFile = MAX_BYTES_PER_FILE;
        boolean verifyModels = true;
        Duration pollInterval = Duration.ofSeconds(10);
        /** Null until set: then 5 minutes, or the poll interval if that is longer. */
        Duration maxPollInterval;
        Consumer<? super BatchProgress> progressListener = p -> { };
        int resubmitRounds;
        Predicate<? super BatchOutputLine> resubmitWhen = BatchJob::failedOnGroqsSide;
    }

    /**
     * Whether a failed line may succeed if sent again: an error without an HTTP answer other than a cancellation
     * (e.g. {@code batch_expired}), or a 408, 429, 498 or 5xx answer. A 400 or 404 would fail the same way again.
     */
    public static boolean failedOnGroqsSide(BatchOutputLine line) {
        if (line.isSuccess()) return false;
        if (line.error() != null) return !"batch_cancelled".equals(line.error().code());
        int status = line.response() == null ? 0 : line.response().statusCode();
        return status == 408 || status == 429 || status == 498 || status >= 500;
    }

    /** Configures a {@link BatchJob}; made by {@link BatchJob#builder(GroqClient)}. */
    public static final class Builder {
        private final GroqClient client;
        private final Settings s = new Settings();

        private Builder(GroqClient client) {
            this.client = Objects.requireNonNull(client, "client == null");
        }

        /** "24h" by default; hours or days from 24h to 7d, as {@link BatchCreateRequest} takes it. */
        public Builder completionWindow(String completionWindow) {
            // checked now, not at submit, by building the request it will go into
            BatchCreateRequest.builder().inputFileId("check").completionWindow(completionWindow).build();
            s.completionWindow = completionWindow;
            return this;
        }

        /** Metadata for every batch of the job. */
        public Builder metadata(Map<String, String> metadata) {
            s.metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata == null"));
            return this;
        }

        /**
         * Where the input files are written and result files downloaded, and left; by default a temporary directory
         * the job deletes once {@link BatchJob#await()} returned.
         */
        public Builder directory(Path directory) {
            s.directory = Objects.requireNonNull(directory, "directory == null");
            return this;
        }

        /** Lines per input file before a new file (and batch) begins; {@link #MAX_LINES_PER_FILE} by default. */
        public Builder maxLinesPerFile(int maxLinesPerFile) {
            s.maxLinesPerFile = (int) limit("maxLinesPerFile", maxLinesPerFile, MAX_LINES_PER_FILE);
            return this;
        }

        /** Bytes per input file before a new file (and batch) begins; {@link #MAX_BYTES_PER_FILE} by default. */
        public Builder maxBytesPerFile(long maxBytesPerFile) {
            s.maxBytesPerFile = limit("maxBytesPerFile", maxBytesPerFile, MAX_BYTES_PER_FILE);
            return this;
        }

        /** A file limit of ours: at least 1, at most Groq's. */
        private static long limit(String param, long value, long groqs) {
            Checks.atLeast(param, value, 1);
            if (value > groqs) throw new ValidationException(param, "must be at most " + groqs + ", was " + value);
            return value;
        }

        /** Whether {@link BatchJob#submit()} first checks the lines' models against Groq's list; on by default. */
        public Builder verifyModels(boolean verifyModels) {
            s.verifyModels = verifyModels;
            return this;
        }

        /** The first wait between polls, and the wait after a poll that saw a change; 10 s by default. */
        public Builder pollInterval(Duration pollInterval) {
            s.pollInterval = Checks.positive("pollInterval", pollInterval);
            return this;
        }

        /**
         * The longest wait between polls, reached by doubling while nothing changes; by default 5 min, or the poll
         * interval when that is longer.
         */
        public Builder maxPollInterval(Duration maxPollInterval) {
            s.maxPollInterval = Checks.positive("maxPollInterval", maxPollInterval);
            return this;
        }

        /** Told after every poll that saw a change; runs on the awaiting thread. */
        public Builder progressListener(Consumer<? super BatchProgress> listener) {
            s.progressListener = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        /**
         * Sends failed lines again in new batches, up to {@code rounds} times (0, the default, never does); which
         * lines is {@link #failedOnGroqsSide} unless {@link #resubmitWhen} says otherwise.
         */
        public Builder resubmitFailed(int rounds) {
            if (rounds < 0) throw new ValidationException("rounds", "must not be negative, was " + rounds);
            s.resubmitRounds = rounds;
            return this;
        }

        /** Which failed lines {@link #resubmitFailed} sends again. */
        public Builder resubmitWhen(Predicate<? super BatchOutputLine> when) {
            s.resubmitWhen = Objects.requireNonNull(when, "when == null");
            return this;
        }

        public BatchJob build() {
            if (s.maxPollInterval != null && s.maxPollInterval.compareTo(s.pollInterval) < 0) {
                throw new ValidationException("maxPollInterval", "must not be shorter than pollInterval");
            }
            return new BatchJob(client, copy());
        }

        /**
         * The job that submitted {@code batchIds}, e.g. in a JVM that has since restarted: {@link BatchJob#await()}
         * polls them and reads their results. Each batch is retrieved once here, so an unknown id fails at once.
         */
        public BatchJob resume(List<String> batchIds) {
            Objects.requireNonNull(batchIds, "batchIds == null");
            if (batchIds.isEmpty()) throw new ValidationException("batchIds", "name at least one batch");
            BatchJob job = build();
            for (String id : new LinkedHashSet<>(batchIds)) job.batches.add(client.batches().retrieve(id));
            job.submitted = true;
            return job;
        }

        private Settings copy() {
            Settings c = new Settings();
            c.completionWindow = s.completionWindow;
            c.metadata = s.metadata;
            c.directory = s.directory;
            c.maxLinesPerFile = s.maxLinesPerFile;
            c.maxBytesPerFile = s.maxBytesPerFile;
            c.verifyModels = s.verifyModels;
            c.pollInterval = s.pollInterval;
            Duration fiveMinutes = Duration.ofMinutes(5);
            c.maxPollInterval = s.maxPollInterval != null ? s.maxPollInterval
                    : s.pollInterval.compareTo(fiveMinutes) > 0 ? s.pollInterval : fiveMinutes;
            c.progressListener = s.progressListener;
            c.resubmitRounds = s.resubmitRounds;
            c.resubmitWhen = s.resubmitWhen;
            return c;
        }
    }
}
