package dev.groqj.testkit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proof that FakeGroqServer speaks Groq: the official {@code groq-sdk} and the {@code openai} npm package, written
 * by others for the real API, chat, stream, list models, retrieve one and transcribe against it; the
 * {@code openai} package also creates and streams Responses (function calls, remote MCP items).
 *
 * <p>Needs node and npm: CI ({@code CI=true}) fails without them, a developer's machine skips. The packages are
 * installed with {@code npm ci} from the committed lock file into {@code target/node-clients}, never into the
 * source tree.
 */
@ExtendWith(FakeGroqServerExtension.class)
class NodeClientsTest {
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-clients");

    @Test
    void officialTypeScriptClientsWorkAgainstTheFake(FakeGroqServer server) throws Exception {
        requireTool("node");
        requireTool("npm");
        install();

        Path log = WORK.resolve("clients.log");
        ProcessBuilder node = new ProcessBuilder("node", "clients.mjs").directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of(
                "GROQ_BASE_URL", server.rootUrl(), // groq-sdk adds /openai/v1 itself
                "GROQ_API_KEY", server.apiKey(),
                "OPENAI_BASE_URL", server.baseUrl(),
                "OPENAI_API_KEY", server.apiKey()));
        int exit = run(node, 120);
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        for (String client : List.of("groq-sdk", "openai")) {
            assertThat(output).contains(client + " chat: You said: Hello from node",
                    client + " stream: You said: Hello from node",
                    client + " models: 12 listed, retrieved openai/gpt-oss-120b",
                    client + " transcription: Hello from the fake Groq server.",
                    client + " error: 404");
        }
        assertThat(output).contains("openai responses.create: You said: Hello from node",
                "openai responses.stream: reasoning,mcp_list_tools,mcp_call,function_call; get_weather",
                "openai responses.stream text: The tools answered: {\"celsius\":3}.");
        assertThat(output).contains("node clients: all passed");
        assertThat(server.requests()).extracting(RecordedRequest::rawPath)
                .contains("/openai/v1/models/openai%2Fgpt-oss-120b", "/openai/v1/audio/transcriptions");
    }

    /** {@code npm ci} into target/, again only when the lock file changed. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path lock = WORK.resolve("package-lock.json");
        boolean fresh = Files.isDirectory(WORK.resolve("node_modules")) && Files.exists(lock)
                && Files.mismatch(lock, SOURCES.resolve("package-lock.json")) == -1;
        for (String file : List.of("package.json", "package-lock.json", "clients.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (fresh) return;
        Path log = WORK.resolve("npm-ci.log");
        int exit = run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()), 300);
        assertThat(exit).as("npm ci: %s", Files.readString(log)).isZero();
    }

    private static int run(ProcessBuilder builder, int seconds) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(builder.command() + " did not finish within " + seconds + "s");
        }
        return process.exitValue();
    }

    private static void requireTool(String tool) {
        boolean present;
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is missing; .ci/run installs nodejs and npm");
        }
        Assumptions.assumeTrue(present, tool + " is missing; skipped outside CI");
    }
}
