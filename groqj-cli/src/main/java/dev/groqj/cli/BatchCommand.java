package dev.groqj.cli;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.batches.Batch;
import dev.groqj.batches.BatchJob;
import dev.groqj.batches.BatchLine;
import dev.groqj.batches.BatchProgress;
import dev.groqj.batches.BatchResults;
import dev.groqj.batches.BatchStatus;
import dev.groqj.error.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code groqj batch submit|status|results}: Groq's Batch API from the terminal. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run many requests through Groq's Batch API: half the price, answered within 24h to 7d.",
                "A JSONL file holds one request a line: {\"custom_id\":…,\"method\":\"POST\",\"url\":…,\"body\":{…}},"
                        + " with url /v1/chat/completions, /v1/audio/transcriptions or /v1/audio/translations."},
        subcommands = {BatchCommand.Submit.class, BatchCommand.Status.class, BatchCommand.Results.class},
        footer = {"", "Examples:",
                "  groqj batch submit questions.jsonl --wait -o answers.jsonl",
                "  ID=$(groqj batch submit questions.jsonl)",
                "  groqj batch status $ID",
                "  groqj batch results $ID -o answers.jsonl"})
final class BatchCommand implements Callable<Integer> {
    @ParentCommand
    GroqCli cli;

    @Spec
    CommandSpec spec;

    CliEnvironment environment() {
        return cli.environment();
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command: submit, status or results");
    }

    /** {@code groqj batch submit FILE}: checks, splits at Groq's file limits, uploads and starts the batches. */
    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Check a JSONL file of requests line by line (unique custom ids, known models, Groq's"
                    + " limits), split it into several batches past 50,000 lines or 200 MB, upload and start them.",
                    "Prints the batch ids, one a line; with --wait, waits for the results."})
    static final class Submit extends ApiCommand {
        @Parameters(paramLabel = "FILE", description = "The requests, one JSON object a line.")
        Path file;

        @Option(names = "--wait", description = "Wait until the batches end, showing progress on stderr.")
        boolean await;

        @Option(names = {"-o", "--results"}, paramLabel = "FILE",
                description = "With --wait: write the result lines (output, then errors) to FILE.")
        Path results;

        @Option(names = "--completion-window", paramLabel = "WINDOW", defaultValue = "24h",
                description = "From 24h to 7d; default ${DEFAULT-VALUE}.")
        String completionWindow;

        @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
                description = "First wait between polls, doubling up to 5 minutes while nothing changes;"
                        + " default ${DEFAULT-VALUE}.")
        double pollSeconds;

        @Option(names = "--skip-model-check", description = "Do not check the models against Groq's list first.")
        boolean skipModelCheck;

        @Override
        int run(Connection connection) throws IOException {
            if (results != null && !await) throw new ParameterException(spec.commandLine(), "-o needs --wait");
            if (!Files.isRegularFile(file)) throw new ParameterException(spec.commandLine(), "Cannot read " + file);
            // the sandbox moves a batch on at every poll: no reason to wait there
            Duration poll = connection.sandbox() != null ? Duration.ofMillis(20)
                    : Duration.ofMillis(Math.max(1, Math.round(pollSeconds * 1000)));
            // the job's files go to a directory of ours, removed however the command ends
            Path work = Files.createTempDirectory("groqj-batch-");
            try {
                BatchJob job = BatchJob.builder(connection.client()).completionWindow(completionWindow)
                        .verifyModels(!skipModelCheck).pollInterval(poll).directory(work)
                        .progressListener(new ProgressView(err(), environment().interactive())).build();
                return submit(connection, job);
            } finally {
                try (var files = Files.walk(work)) {
                    for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }

        private int submit(Connection connection, BatchJob job) throws IOException {
            int lines = addLines(job);
            List<String> ids = job.submit();
            err().printf("groqj: %,d request%s in %d batch%s%n", lines, lines == 1 ? "" : "s", ids.size(),
                    ids.size() == 1 ? "" : "es");
            err().flush();
            if (!await) {
                if (common.json()) printJson(job.batches());
                else ids.forEach(out()::println);
                out().flush();
                return GroqCli.OK;
            }
            BatchResults answers = job.await();
            if (common.json()) {
                printJson(answers.batches());
            } else {
                answers.batches().forEach(b -> out().println(describe(b)));
                out().flush();
            }
            if (results != null) {
                long written = writeResults(connection.client(), answers.batches(), results);
                err().printf("groqj: %,d result line%s written to %s (%,d failed)%n", written,
                        written == 1 ? "" : "s", results, answers.failed().size());
                err().flush();
            }
            return answers.batches().stream().allMatch(b -> b.status() == BatchStatus.COMPLETED)
                    ? GroqCli.OK : GroqCli.API_ERROR;
        }

        /** Every line of the file into the job, which writes it to its own files as it goes. */
        private int addLines(BatchJob job) throws IOException {
            int number = 0;
            int added = 0;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    number++;
                    if (text.isBlank()) continue;
                    try {
                        JsonValue line = JsonValue.parse(text);
                        job.add(BatchLine.of(string(line, "custom_id"), string(line, "method"), string(line, "url"),
                                line.get("body").isObject() ? line.get("body") : JsonValue.object(Map.of())));
                    } catch (ValidationException e) {
                        String message = e.getMessage().startsWith(e.param() + ": ")
                                ? e.getMessage().substring(e.param().length() + 2) : e.getMessage();
                        throw new ValidationException(e.param(), file + " line " + number + ": " + message);
                    }
                    added++;
                }
            }
            return added;
        }

        private static String string(JsonValue line, String field) {
            JsonValue value = line.get(field);
            return value.isString() ? value.asString() : field.equals("custom_id") ? null : "";
        }
    }

    /** {@code groqj batch status ID}: where a batch stands. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a batch's status and request counts.")
    static final class Status extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "The batch id, batch_…")
        String id;

        @Override
        int run(Connection connection) {
            Batch batch = connection.client().batches().retrieve(id);
            if (common.json()) {
                printJson(batch);
                return GroqCli.OK;
            }
            PrintWriter out = out();
            out.println(describe(batch));
            out.printf("  created %s, expires %s%n", time(batch.createdAt()), time(batch.expiresAt()));
            if (batch.outputFileId() != null) out.println("  output file " + batch.outputFileId());
            if (batch.errorFileId() != null) out.println("  error file  " + batch.errorFileId());
            if (batch.errors() != null) {
                for (Batch.Error e : batch.errors().data()) {
                    out.println("  " + (e.line() == null ? "" : "line " + e.line() + ": ") + e.message());
                }
            }
            out.flush();
            return GroqCli.OK;
        }
    }

    /** {@code groqj batch results ID}: a finished batch's output and error lines. */
    @Command(name = "results", mixinStandardHelpOptions = true,
            description = "Write a finished batch's result lines (output, then errors) as JSONL, streamed.")
    static final class Results extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "The batch id, batch_…")
        String id;

        @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Where to write; stdout if absent.")
        Path file;

        @Override
        int run(Connection connection) throws IOException {
            Batch batch = connection.client().batches().retrieve(id);
            if (!batch.status().isTerminal()) {
                err().println("groqj: batch " + id + " is " + batch.status() + "; its results come once it ends ("
                        + "see groqj batch status " + id + ")");
                err().flush();
                return GroqCli.USAGE;
            }
            Path target = file != null ? file : Files.createTempFile("groqj-results-", ".jsonl");
            long written;
            try {
                written = writeResults(connection.client(), List.of(batch), target);
                if (file == null) {
                    // streamed to disk first: picocli's stdout is a Writer, and the results may not fit in memory
                    try (BufferedReader reader = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) out().println(line);
                    }
                    out().flush();
                }
            } finally {
                if (file == null) Files.deleteIfExists(target);
            }
            err().printf("groqj: %,d result line%s of %s%s%n", written, written == 1 ? "" : "s", id,
                    file == null ? "" : " written to " + file);
            err().flush();
            return GroqCli.OK;
        }
    }

    /** The batches' output and error files, one after the other, streamed into {@code file}; returns its lines. */
    static long writeResults(GroqClient client, List<Batch> batches, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Batch b : batches) {
                for (String fileId : new String[] {b.outputFileId(), b.errorFileId()}) {
                    if (fileId != null) client.files().content(fileId, out);
                }
            }
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }


    static String describe(Batch b) {
        Batch.RequestCounts c = b.requestCounts();
        return b.id() + "  " + b.status() + (c == null || c.total() == 0 ? ""
                : String.format("  %,d/%,d done, %,d failed", c.completed() + c.failed(), c.total(), c.failed()));
    }

    private static String time(Long epochSeconds) {
        return epochSeconds == null ? "-" : Instant.ofEpochSecond(epochSeconds).toString();
    }

    /** Progress on stderr: a bar redrawn in place on a terminal, else one plain line per change. */
    static final class ProgressView implements Consumer<BatchProgress> {
        private final PrintWriter err;
        private final boolean terminal;

        ProgressView(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void accept(BatchProgress p) {
            String statuses = String.join(",", p.batches().stream().map(b -> b.status().toString()).distinct().toList());
            String counts = String.format("%,d/%,d done, %,d failed", p.completed() + p.failed(), p.total(), p.failed());
            if (terminal) {
                err.printf("\rbatch %s %3.0f%%  %s  %s   ", ProgressBar.bar(p.fraction()), p.fraction() * 100, counts,
                        statuses);
                if (p.isDone()) err.println();
            } else {
                err.println("groqj: batch " + statuses + ", " + counts);
            }
            err.flush();
        }
    }
}
