package dev.groqj.cli;

import dev.groqj.EventStream;
import dev.groqj.GroqClient;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.ChunkChoice;
import dev.groqj.chat.Delta;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseFormat;
import dev.groqj.error.GroqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** {@code groqj chat}: one answer streamed to stdout, or a conversation when stdin is a terminal. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with a model. The answer streams to stdout as it is written.",
                "The prompt is the arguments, then any text piped to stdin after a blank line. With neither,"
                        + " on a terminal, a conversation starts that remembers what was said: line editing,"
                        + " history in ~/.groqj_history (Up, Ctrl-R), /help lists its commands, Ctrl-D quits."},
        footer = {"", "Examples:",
                "  groqj chat \"Explain backpressure in one paragraph\"",
                "  git diff | groqj chat \"Review this diff\" --model openai/gpt-oss-120b",
                "  groqj chat --json \"Three primary colors as JSON\" --output json",
                "  groqj chat --reasoning --model openai/gpt-oss-20b \"Is 221 prime?\"",
                "  groqj chat --api responses --model openai/gpt-oss-20b \"Is 221 prime?\""})
final class ChatCommand extends ApiCommand {
    static final String DEFAULT_MODEL = "llama-3.3-70b-versatile";
    /** JSON mode wants the conversation to ask for JSON; this says so when the user did not. */
    private static final String JSON_HINT = "Respond with a JSON object.";
    static final String DIM = "\u001b[2m";
    static final String RESET = "\u001b[0m";

    @Option(names = {"-m", "--model"}, defaultValue = DEFAULT_MODEL, description = "Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "A system message: who the model is.")
    String system;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2.")
    Double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", description = "At most N tokens in the answer.")
    Integer maxTokens;

    @Option(names = "--json", description = "JSON mode: the answer is one JSON object.")
    boolean json;

    @Option(names = "--reasoning",
            description = "Show a reasoning model's thinking (on stderr), e.g. with openai/gpt-oss-20b or qwen/qwen3-32b.")
    boolean reasoning;

    @Option(names = "--api", paramLabel = "API", defaultValue = "chat",
            description = "chat (Chat Completions) or responses (the Responses API). Default: ${DEFAULT-VALUE}.")
    String api;

    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "The message; several words are joined.")
    List<String> prompt = List.of();

    @Override
    int run(Connection connection) throws IOException {
        GroqClient client = connection.client();
        if (!api.equals("chat") && !api.equals("responses")) {
            throw new ParameterException(spec.commandLine(), "--api must be chat or responses, not " + api);
        }
        String argument = prompt.isEmpty() ? null : String.join(" ", prompt);
        if (argument == null && environment().interactive()) return converse(client);
        String piped = environment().pipedInput();
        piped = piped == null || piped.isBlank() ? null : piped.strip();
        if (argument == null && piped == null) {
            throw new ParameterException(spec.commandLine(), "No prompt: give it as arguments or on stdin");
        }
        if (argument == null) return answerOnce(client, piped);
        return answerOnce(client, piped == null ? argument : argument + "\n\n" + piped);
    }

    private int answerOnce(GroqClient client, String text) {
        List<Message> turns = List.of(Message.user(text));
        if (common.json()) {
            printJson(responses() ? client.responses().create(ResponsesChat.request(this, turns, jsonHint(turns)))
                    : client.chat().create(request(turns)));
        } else {
            answer(client, turns);
        }
        return GroqCli.OK;
    }

    private boolean responses() {
        return api.equals("responses");
    }

    /** Streams the answer to the turns, through the API chosen with --api. */
    private String answer(GroqClient client, List<Message> turns) {
        if (!responses()) return stream(client, request(turns));
        return print(client.responses().stream(ResponsesChat.request(this, turns, jsonHint(turns))),
                (stream, answer) -> ResponsesChat.stream(stream, reasoning, environment().interactive(), out(), err(),
                        answer));
    }

    /**
     * A conversation on the terminal, edited with JLine (arrows, history, Ctrl-R): each turn sends the whole
     * history; /commands stay local. An error ends the turn, not the talk.
     */
    private int converse(GroqClient client) throws IOException {
        err().println("groqj chat with " + model + ". Type a message and press Enter; /help lists commands, Ctrl-D quits.");
        err().flush();
        List<Message> history = new ArrayList<>();
        try (Terminal terminal = environment().terminal()) {
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("groqj");
            Path historyFile = environment().historyFile();
            if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
            LineReader reader = builder.build();
            while (true) {
                String line;
                try {
                    line = reader.readLine("> ").strip();
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C clears the line
                } catch (EndOfFileException e) {
                    break;
                }
                if (line.isEmpty()) continue;
                if (line.startsWith("/")) {
                    if (!replCommand(line, history)) break;
                    continue;
                }
                history.add(Message.user(line));
                try {
                    history.add(Message.assistant(answer(client, history)));
                } catch (GroqException e) {
                    history.remove(history.size() - 1);
                    err().println(GroqCli.describe(e));
                }
                err().flush();
            }
            reader.getHistory().save();
        }
        return GroqCli.OK;
    }

    /** Runs a REPL command, never sent to the model; false to quit. */
    private boolean replCommand(String line, List<Message> history) {
        String name = line.split("\\s+", 2)[0];
        String argument = line.substring(name.length()).strip();
        PrintWriter err = err();
        switch (name) {
            case "/exit", "/quit" -> {
                return false;
            }
            case "/help" -> err.println(String.join(System.lineSeparator(),
                    "/model NAME   talk to another model from now on (now " + model + ")",
                    "/system TEXT  set the system message; /system alone removes it",
                    "/reset        forget the conversation",
                    "/save FILE    save the conversation: FILE.md as Markdown, else JSON",
                    "/exit         quit (or Ctrl-D); Up/Down recall lines, Ctrl-R searches them"));
            case "/model" -> {
                if (argument.isEmpty()) {
                    err.println("model: " + model + " (/model NAME changes it)");
                } else {
                    model = argument;
                    err.println("(model: " + model + ")");
                }
            }
            case "/system" -> {
                system = argument.isEmpty() ? null : argument;
                err.println(system == null ? "(no system message)" : "(system message set)");
            }
            case "/reset" -> {
                history.clear();
                err.println("(conversation forgotten)");
            }
            case "/save" -> {
                if (argument.isEmpty()) {
                    err.println("groqj: /save needs a file name, e.g. /save talk.md");
                } else {
                    save(Path.of(argument), history);
                }
            }
            default -> err.println("groqj: unknown command " + name + "; /help lists them");
        }
        err.flush();
        return true;
    }

    /** A message as /save writes it: role, then content. */
    record SavedMessage(String role, String content) { }

    private void save(Path file, List<Message> history) {
        List<Message> turns = new ArrayList<>();
        if (system != null) turns.add(Message.system(system));
        turns.addAll(history);
        String text;
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            StringBuilder md = new StringBuilder("# groqj chat with " + model + "\n");
            for (Message m : turns) md.append("\n## ").append(m.role()).append("\n\n").append(m.content()).append('\n');
            text = md.toString();
        } else {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("messages", turns.stream().map(m -> new SavedMessage(m.role(), m.content())).toList());
            text = toJson(json) + "\n";
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            err().println("(saved " + turns.size() + " messages to " + file + ")");
        } catch (IOException e) {
            err().println("groqj: cannot write " + file + ": " + e.getMessage());
        }
    }

    ChatRequest request(List<Message> turns) {
        ChatRequest.Builder builder = ChatRequest.builder().model(model);
        if (system != null) builder.addMessage(Message.system(system));
        if (jsonHint(turns) != null) builder.addMessage(Message.system(jsonHint(turns)));
        turns.forEach(builder::addMessage);
        if (temperature != null) builder.temperature(temperature);
        if (maxTokens != null) builder.maxCompletionTokens(maxTokens);
        if (json) builder.responseFormat(ResponseFormat.jsonObject());
        if (reasoning) {
            // gpt-oss models refuse reasoning_format and put their reasoning in its own field when asked to
            // include it; the others (qwen3) give it in that field with reasoning_format=parsed.
            if (model.startsWith("openai/gpt-oss")) builder.includeReasoning(true);
            else builder.reasoningFormat(ChatRequest.ReasoningFormat.PARSED);
        }
        return builder.build();
    }

    /** The hint JSON mode needs when the conversation does not ask for JSON itself, else null. */
    private String jsonHint(List<Message> turns) {
        return json && !mentionsJson(turns) ? JSON_HINT : null;
    }

    private boolean mentionsJson(List<Message> turns) {
        return (system != null && system.toLowerCase(Locale.ROOT).contains("json"))
                || turns.stream().anyMatch(m -> m.content() != null && m.content().toLowerCase(Locale.ROOT).contains("json"));
    }

    /** Prints the answer as it arrives (reasoning to stderr) and returns it. Ctrl-C closes the stream. */
    private String stream(GroqClient client, ChatRequest request) {
        return print(client.chat().stream(request), (stream, answer) -> chunks(stream, environment().interactive(),
                answer));
    }

    /**
     * Reads {@code stream} with {@code reader}, which prints the answer and appends it to the builder it is given,
     * closing the stream on Ctrl-C; returns the answer, or what came of it before Ctrl-C, its line ended.
     */
    private <S extends EventStream<?>> String print(S stream, BiConsumer<S, StringBuilder> reader) {
        PrintWriter out = out();
        StringBuilder answer = new StringBuilder();
        try (stream; StreamCancel cancel = StreamCancel.on(stream, out)) {
            try {
                reader.accept(stream, answer);
            } catch (GroqException e) {
                if (!cancel.cancelled()) throw e;
            }
        } finally {
            if (answer.length() > 0) out.println(); // ends the answer's line; no stray blank line before an error
            out.flush();
            err().flush();
        }
        return answer.toString();
    }

    private void chunks(ChatStream stream, boolean dim, StringBuilder answer) {
        PrintWriter out = out();
        PrintWriter err = err();
        boolean thinking = false;
        try {
            for (ChatCompletionChunk chunk : stream) {
                for (ChunkChoice choice : chunk.choices()) {
                    Delta delta = choice.delta();
                    if (delta == null) continue;
                    if (reasoning && delta.reasoning() != null) {
                        if (!thinking && dim) err.print(DIM);
                        thinking = true;
                        err.print(delta.reasoning());
                        err.flush();
                    }
                    if (delta.content() != null && !delta.content().isEmpty()) {
                        if (thinking) {
                            err.println(dim ? RESET : "");
                            err.flush();
                            thinking = false;
                        }
                        out.print(delta.content());
                        out.flush();
                        answer.append(delta.content());
                    }
                }
            }
        } finally {
            if (thinking) err.println(dim ? RESET : "");
        }
    }

    /**
     * Closes a stream when the JVM is asked to stop (Ctrl-C), so the HTTP exchange is aborted rather than left
     * to die with the process, and gives the reading thread a moment to end its line.
     */
    private static final class StreamCancel implements AutoCloseable {
        private final CountDownLatch readerDone = new CountDownLatch(1);
        private final Thread hook;
        private volatile boolean cancelled;

        private StreamCancel(EventStream<?> stream, PrintWriter out) {
            this.hook = new Thread(() -> {
                cancelled = true;
                stream.close();
                try {
                    readerDone.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.flush();
            }, "groqj-stream-cancel");
        }

        static StreamCancel on(EventStream<?> stream, PrintWriter out) {
            StreamCancel cancel = new StreamCancel(stream, out);
            Runtime.getRuntime().addShutdownHook(cancel.hook);
            return cancel;
        }

        boolean cancelled() {
            return cancelled;
        }

        @Override
        public void close() {
            readerDone.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what ended the stream
            }
        }
    }
}
