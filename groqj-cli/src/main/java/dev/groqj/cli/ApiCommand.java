package dev.groqj.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.groqj.GroqClient;
import dev.groqj.internal.Json;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * A command that calls the API: it opens a {@link Connection} (Groq, or the sandbox with a notice), runs, and
 * closes it. Subclasses implement {@link #run(Connection)}.
 */
abstract class ApiCommand implements Callable<Integer> {
    @ParentCommand
    GroqCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public final Integer call() throws Exception {
        try (Connection connection = Connection.open(cli.environment(), err(), this::configure)) {
            return run(connection);
        }
    }

    /** Sets up the client; commands that listen to calls add their listener here. */
    void configure(GroqClient.Builder builder) {
        common.configure(builder);
    }

    abstract int run(Connection connection) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    CliEnvironment environment() {
        return cli.environment();
    }

    /** Prints {@code value} as indented JSON, the way the API names its fields. */
    void printJson(Object value) {
        out().println(toJson(value));
        out().flush();
    }

    static String toJson(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
