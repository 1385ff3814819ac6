package dev.groqj.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the command line: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Map<String, String> env, String stdin, boolean interactive, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GroqCli.commandLine(new CliEnvironment(env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), interactive));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, "", false, args);
    }
}
