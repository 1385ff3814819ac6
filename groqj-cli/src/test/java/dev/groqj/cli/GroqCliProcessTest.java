package dev.groqj.cli;

import dev.groqj.testkit.Endpoint;
import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a separate JVM, the way {@code ./groqj} runs it: its main class on this test's class path (the
 * README's {@code ./mvnw -B test} builds no jar; {@code .ci/run} runs the jar through {@code ./groqj demo}).
 */
@Timeout(60)
class GroqCliProcessTest {

    private static ProcessBuilder groqj(Path stderr, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GroqCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().remove("GROQ_API_KEY");
        builder.environment().remove("GROQ_BASE_URL");
        return builder;
    }

    @Test
    void demoInItsOwnJvmWorksOfflineAndExitsZero(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr");
        Process process = groqj(stderr, "demo").start();

        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("[14/14]", "All 14 steps worked", "StreamException after", "3 rounds, 7 messages",
                "validating -> in_progress -> finalizing -> completed", "mistake: BadRequestException 400",
                "): Neural networks learn from data").doesNotContain("FAILED");
        assertThat(Files.readString(stderr)).isEqualTo(DemoCommand.NOTICE + System.lineSeparator());
    }

    @Test
    void pipedStdinFollowsTheArgumentAndAnOpenSilentPipeIsNotWaitedFor(@TempDir Path dir) throws Exception {
        Process piped = groqj(dir.resolve("piped"), "chat", "Review this").start();
        piped.getOutputStream().write("data\n".getBytes(StandardCharsets.UTF_8));
        piped.getOutputStream().close();
        Process silent = groqj(dir.resolve("silent"), "chat", "Review this").start(); // its stdin stays open

        String pipedOut = new String(piped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String silentOut = new String(silent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(piped.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(silent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pipedOut).isEqualTo("You said: Review this\n\ndata" + System.lineSeparator());
        assertThat(silentOut).isEqualTo("You said: Review this" + System.lineSeparator());
    }

    /** A real terminal: tmux runs the REPL, send-keys types, capture-pane reads the screen. */
    @Test
    @EnabledIf("hasTmux")
    void theReplOnARealTerminalRecallsLinesWithUpAndCtrlR(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history");
        String session = "groqj-test-" + ProcessHandle.current().pid();
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "env", "-u", "GROQ_API_KEY",
                "-u", "GROQ_BASE_URL", "GROQJ_HISTORY=" + history,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GroqCli.class.getName(), "chat");
        try {
            // keys go in only at a prompt: between prompts the terminal is not in raw mode
            String prompt = "\n>"; // capture-pane drops the prompt's trailing space
            awaitScreen(session, prompt, 1);
            tmux("send-keys", "-t", session, "hello world", "Enter");
            awaitScreen(session, prompt, 2);
            tmux("send-keys", "-t", session, "second", "Enter");
            awaitScreen(session, prompt, 3);
            tmux("send-keys", "-t", session, "Up", "Up", "Enter");
            awaitScreen(session, prompt, 4);
            assertThat(screen(session)).containsSubsequence("You said: hello world", "You said: hello world");
            tmux("send-keys", "-t", session, "C-r", "seco");
            awaitScreen(session, "search", 1); // JLine's search prompt
            tmux("send-keys", "-t", session, "Enter");
            awaitScreen(session, prompt, 5);
            assertThat(screen(session)).containsSubsequence("You said: second", "You said: second");
            tmux("send-keys", "-t", session, "/help", "Enter");
            awaitScreen(session, "/model NAME", 1);
            tmux("send-keys", "-t", session, "C-d");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tmux("has-session", "-t", session) == 0 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(Files.readAllLines(history)).anySatisfy(l -> assertThat(l).endsWith(":hello world"))
                    .anySatisfy(l -> assertThat(l).endsWith(":/help"));
        } finally {
            tmux("kill-session", "-t", session);
        }
    }

    static boolean hasTmux() {
        try {
            return tmux("-V") == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private static String screen(String session) throws IOException, InterruptedException {
        Process capture = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).start();
        String screen = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        capture.waitFor();
        return screen;
    }

    /** Waits until {@code text} is on the screen {@code times} times (a count, since lines repeat). */
    private static void awaitScreen(String session, String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen(session);
            if (screen.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) return;
            Thread.sleep(100);
        }
        throw new AssertionError("not " + times + "x '" + text + "' on the screen:\n" + screen);
    }

    @Test
    void sandboxPrintsExportsThatOtherCommandsUseAndStopsOnSignal(@TempDir Path dir) throws Exception {
        Process process = groqj(dir.resolve("stderr"), "sandbox").start();
        try {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            String apiKey = null;
            while (apiKey == null) {
                String line = lines.readLine();
                if (line == null) break;
                if (line.startsWith("export GROQ_BASE_URL=")) baseUrl = line.substring("export GROQ_BASE_URL=".length());
                if (line.startsWith("export GROQ_API_KEY=")) apiKey = line.substring("export GROQ_API_KEY=".length());
            }
            assertThat(baseUrl).startsWith("http://127.0.0.1:").endsWith("/openai/v1");

            CliRun run = CliRun.run(Map.of("GROQ_API_KEY", apiKey, "GROQ_BASE_URL", baseUrl), "chat", "ping");

            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("You said: ping");
            assertThat(run.err()).isEmpty();
        } finally {
            process.destroy(); // SIGTERM, like Ctrl-C: the shutdown hook closes the server
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSignalDuringAStreamEndsItPromptlyAndQuietly(@TempDir Path dir) throws Exception {
        try (FakeGroqServer server = FakeGroqServer.create().start()) {
            // one token per 200 ms: the whole answer would take over ten seconds
            server.enqueue(Endpoint.CHAT_COMPLETIONS,
                    ScriptedResponse.modelAnswer().toBuilder().chunkDelay(Duration.ofMillis(200)).build());
            Path stderr = dir.resolve("stderr");
            ProcessBuilder builder = groqj(stderr, "chat", "--max-retries", "0", "one two three four five six seven eight"
                    + " nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty");
            builder.environment().put("GROQ_API_KEY", server.apiKey());
            builder.environment().put("GROQ_BASE_URL", server.baseUrl());
            Process process = builder.start();

            byte[] first = process.getInputStream().readNBytes("You".length());
            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook closes the stream

            assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("You");
            assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(5));
            assertThat(Files.readString(stderr)).doesNotContain("Exception").doesNotContain("groqj: ");
        }
    }
}
