package dev.groqj.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands read from the world outside the JVM: environment variables, stdin, and whether a person
 * sits at a terminal. Tests build one by hand so they never depend on the real environment.
 *
 * <pre>{@code
 * CliEnvironment env = new CliEnvironment(Map.of("GROQ_API_KEY", key), System.in, false);
 * int exit = GroqCli.commandLine(env).execute("models");
 * }</pre>
 */
final class CliEnvironment {
    static final String API_KEY = "GROQ_API_KEY";
    static final String BASE_URL = "GROQ_BASE_URL";
    /** Where the REPL keeps its history; default ~/.groqj_history. */
    static final String HISTORY = "GROQJ_HISTORY";

    private final Map<String, String> variables;
    private final InputStream stdin;
    private final boolean interactive;
    private final boolean system;

    CliEnvironment(Map<String, String> variables, InputStream stdin, boolean interactive) {
        this(variables, stdin, interactive, false);
    }

    private CliEnvironment(Map<String, String> variables, InputStream stdin, boolean interactive, boolean system) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables == null"));
        this.stdin = Objects.requireNonNull(stdin, "stdin == null");
        this.interactive = interactive;
        this.system = system;
    }

    /** The JVM's own environment; interactive when stdin and stdout are a terminal. */
    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.in, System.console() != null, true);
    }

    /** The variable's value, or null when it is unset or blank. */
    String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    InputStream stdin() {
        return stdin;
    }

    /** Whether a person is at a terminal: REPL, colors and progress bars only then. */
    boolean interactive() {
        return interactive;
    }

    /**
     * All of stdin when it is piped or redirected and has data, else null: never waits on a terminal or on a
     * pipe that stays silent for the first quarter second.
     */
    String pipedInput() throws IOException {
        if (system && stdinIsTerminal()) return null;
        long deadline = System.nanoTime() + (system ? 250_000_000L : 0);
        while (stdin.available() == 0) {
            if (System.nanoTime() >= deadline) return null;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Linux names stdin's device in /proc; elsewhere a console means stdin is a terminal. */
    private static boolean stdinIsTerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** The REPL's terminal: the real one, or for tests a dumb one reading stdin and printing nothing. */
    Terminal terminal() throws IOException {
        if (system) return TerminalBuilder.builder().system(true).build();
        return new DumbTerminal("groqj", "dumb", stdin, OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * The history file: $GROQJ_HISTORY, the system property groqj.history, else ~/.groqj_history; null (no
     * history) for a hand-built environment without the variable, so tests never touch the user's home.
     */
    Path historyFile() {
        String path = variable(HISTORY);
        if (path == null && system) path = System.getProperty("groqj.history");
        if (path != null) return Path.of(path);
        return system ? Path.of(System.getProperty("user.home"), ".groqj_history") : null;
    }
}
