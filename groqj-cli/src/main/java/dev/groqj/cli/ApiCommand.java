package dev.groqj.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * A command that calls the API: it opens a {@link Connection} (Groq, or the sandbox with a notice), runs, and
 * closes it. Subclasses implement {@link #run(Connection)}.
 */
abstract class ApiCommand implements Callable<Integer> {
    /**
     * The CLI's own Jackson (core's is internal): it reads the API records through their public accessors and
     * wire-name annotations, leaves out nulls as the API does, and prints free-form JsonValue fields as plain JSON.
     */
    private static final ObjectWriter JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("groqj-cli").addSerializer(JsonValue.class,
                    new StdSerializer<>(JsonValue.class) {
                        @Override
                        public void serialize(JsonValue value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            provider.defaultSerializeValue(value.toJava(), gen);
                        }
                    }))
            .build()
            .writerWithDefaultPrettyPrinter();

    /** {@code groqj} itself, or a group of commands such as {@code groqj batch}. */
    @ParentCommand
    Object parent;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public final Integer call() throws Exception {
        try (Connection connection = Connection.open(environment(), err(), this::configure)) {
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
        return parent instanceof BatchCommand group ? group.environment() : ((GroqCli) parent).environment();
    }

    /** Prints {@code value} as indented JSON, the way the API names its fields. */
    void printJson(Object value) {
        out().println(toJson(value));
        out().flush();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
