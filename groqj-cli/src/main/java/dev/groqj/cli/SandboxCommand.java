package dev.groqj.cli;

import dev.groqj.testkit.FakeGroqServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code groqj sandbox}: a local Groq in the foreground, for trying any client without a key. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run FakeGroqServer, a local stand-in for the Groq API, until Ctrl-C.",
                "It answers chat (JSON and streams, tools, JSON mode), models and audio deterministically,"
                        + " with Groq's errors and rate-limit headers. Paste the printed exports into another shell."},
        footer = {"", "Example:",
                "  groqj sandbox --port 8080",
                "  # in another shell: export GROQ_BASE_URL=http://127.0.0.1:8080/openai/v1 GROQ_API_KEY=...;",
                "  #                   groqj chat \"Hello\""})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, defaultValue = "0", description = "Port on 127.0.0.1; 0 (default) picks a free one.")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        FakeGroqServer server;
        try {
            server = FakeGroqServer.builder().port(port).build().start();
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("groqj: cannot listen on port " + port + " ("
                    + e.getCause().getMessage() + "); pick another, or --port 0 for a free one");
            spec.commandLine().getErr().flush();
            return GroqCli.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "groqj-sandbox-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("FakeGroqServer is listening on " + server.baseUrl());
        out.println("export GROQ_BASE_URL=" + server.baseUrl());
        out.println("export GROQ_API_KEY=" + server.apiKey());
        out.flush();
        spec.commandLine().getErr().println("groqj: sandbox running; Ctrl-C stops it");
        spec.commandLine().getErr().flush();
        stopped.await();
        return GroqCli.OK;
    }
}
