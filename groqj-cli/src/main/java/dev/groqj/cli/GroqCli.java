package dev.groqj.cli;

import dev.groqj.GroqClient;
import dev.groqj.error.CircuitOpenException;
import dev.groqj.error.GroqException;
import dev.groqj.error.GroqTimeoutException;
import dev.groqj.error.NetworkException;
import dev.groqj.error.StreamException;
import dev.groqj.error.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The {@code groqj} command: chat, models, audio, batches, health, and a local sandbox of the Groq API.
 *
 * <pre>{@code
 * int exit = GroqCli.commandLine(CliEnvironment.system()).execute("chat", "Hello");
 * }</pre>
 *
 * <p>Exit codes: 0 ok, 2 bad usage (including a request groqj refuses before sending), 3 an error answer from
 * the API, 4 no answer (network, timeout, open circuit). Errors are one line on stderr, with Groq's request id
 * when there is one.
 */
@Command(name = "groqj",
        mixinStandardHelpOptions = true,
        versionProvider = GroqCli.Version.class,
        description = "Groq from the terminal: chat, models, speech to text, text to speech, batches, and a local"
                + " sandbox.",
        subcommands = {
                ChatCommand.class, ModelsCommand.class, TranscribeCommand.class, TranslateCommand.class,
                SpeakCommand.class, EmbedCommand.class, BatchCommand.class, HealthCommand.class, SandboxCommand.class,
                DemoCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"",
                "With GROQ_API_KEY set, commands talk to Groq (or to GROQ_BASE_URL). Without it they answer"
                        + " from an embedded sandbox (FakeGroqServer) and say so on stderr.",
                "",
                "Exit codes: 0 ok, 2 usage, 3 API error, 4 network or timeout.",
                "",
                "Example:",
                "  groqj demo                       # a tour of every capability, offline"})
public final class GroqCli implements Callable<Integer> {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int API_ERROR = 3;
    static final int NO_ANSWER = 4;

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    GroqCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine(CliEnvironment.system());
        cli.setOut(writer(System.out, "sun.stdout.encoding"));
        cli.setErr(writer(System.err, "sun.stderr.encoding"));
        System.exit(cli.execute(args));
    }

    /**
     * The terminal's encoding when the JVM knows it, else UTF-8: answers are full of non-ASCII text, and the
     * platform default in a bare POSIX locale would print them as question marks.
     */
    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : UTF_8;
        return new PrintWriter(new OutputStreamWriter(stream, charset), true);
    }

    /** The command line over {@code environment}; set its out and err to capture what it prints. */
    static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cli = new CommandLine(new GroqCli(environment));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(GroqCli::handle);
        cli.setParameterExceptionHandler(GroqCli::usageError);
        cli.setUsageHelpAutoWidth(true); // wraps help to the terminal, not at 80 columns
        return cli;
    }

    CliEnvironment environment() {
        return environment;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command, e.g. `groqj demo`");
    }

    /** A usage error: one line, then where help is; never the whole help. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("groqj: " + e.getMessage());
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return USAGE;
    }

    private static int handle(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (!(e instanceof GroqException groq)) throw new IllegalStateException(e);
        err.println(describe(groq));
        err.flush();
        return exitCode(groq);
    }

    /** One line for a person: what failed, and Groq's request id when it sent one. */
    static String describe(GroqException e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        if (e.requestId() != null && !message.contains(e.requestId())) {
            message += " [request_id=" + e.requestId() + "]";
        }
        return "groqj: " + (e instanceof ValidationException ? "invalid " : "") + message;
    }

    static int exitCode(GroqException e) {
        if (e instanceof ValidationException) return USAGE;
        if (e instanceof NetworkException || e instanceof GroqTimeoutException
                || e instanceof CircuitOpenException) {
            return NO_ANSWER;
        }
        // a stream cut without an error event has no status: nothing answered
        if (e instanceof StreamException && e.statusCode() == 0) return NO_ANSWER;
        return API_ERROR;
    }

    /** groqj's version, from the core's build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"groqj " + GroqClient.version()
                    + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
