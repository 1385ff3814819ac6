package dev.groqj.cli;

import java.io.InputStream;
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

    private final Map<String, String> variables;
    private final InputStream stdin;
    private final boolean interactive;

    CliEnvironment(Map<String, String> variables, InputStream stdin, boolean interactive) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables == null"));
        this.stdin = Objects.requireNonNull(stdin, "stdin == null");
        this.interactive = interactive;
    }

    /** The JVM's own environment; interactive when stdin and stdout are a terminal. */
    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.in, System.console() != null);
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
}
