package dev.groqj.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the README compiles against groqj-core and the testkit, so none can rot. A block
 * is compiled as a method body, else as class members (a test method, a field, a class); the names a fragment
 * uses without declaring them are the fields of {@link #PLACEHOLDERS}.
 */
class ReadmeSnippetsTest {
    private static final String IMPORTS = """
            import dev.groqj.*;
            import dev.groqj.audio.*;
            import dev.groqj.auth.*;
            import dev.groqj.batches.*;
            import dev.groqj.chat.*;
            import dev.groqj.embeddings.*;
            import dev.groqj.finetunings.*;
            import dev.groqj.reranking.*;
            import dev.groqj.error.*;
            import dev.groqj.files.*;
            import dev.groqj.models.*;
            import dev.groqj.observability.*;
            import dev.groqj.resilience.*;
            import dev.groqj.responses.*;
            import dev.groqj.transport.FileSource;
            import dev.groqj.transport.ApacheHttpTransport;
            import dev.groqj.transport.JdkHttpTransport;
            import dev.groqj.testkit.*;
            import java.io.*;
            import java.net.*;
            import java.net.http.HttpClient;
            import java.nio.file.*;
            import java.time.*;
            import java.util.*;
            import java.util.concurrent.*;
            import javax.net.ssl.*;
            import org.junit.jupiter.api.*;
            import org.junit.jupiter.api.extension.*;
            import static org.assertj.core.api.Assertions.*;
            """;

    /** What fragments use undeclared: the README's running examples and stand-ins for the reader's own code. */
    private static final String PLACEHOLDERS = """
            GroqClient client; ChatRequest request; ChatCompletion completion; SpeechRequest speechRequest;
            Batch batch; byte[] bytes; long size; InputStream in; OutputStream outputStream; JsonValue body;
            static Clock testClock;
            SSLContext corporateTls; SSLParameters tlsParameters; org.slf4j.Logger log;
            interface Storage { InputStream open(String name) throws IOException; }
            Storage storage; Storage bucket;
            static class Greeter { Greeter(GroqClient client) { } String greet(String name) { return name; } }
            void print(Object o) { }
            """;

    /**
     * Blocks that need a module the testkit does not see, or are not Java members or statements. The Spring
     * block is the starter's own DemoApplicationTest, compiled and run there; the Redis one groqj-redis's
     * ReadmeBlockTest compiles.
     */
    private static final List<String> SKIPPED_WHEN_CONTAINING = List.of(
            "GroqTelemetry", "GroqObservations", "module com.example.app", "@SpringBootTest", "RedisRateLimitStore");

    /** A javac error: file, line, message, the source line and caret, then for a missing name its symbol. */
    private static final Pattern ERROR = Pattern.compile(
            "Readme(\\d+)\\.java:(\\d+): error: ([^\\n]*)\\n[^\\n]*\\n[^\\n]*\\n(?:\\s+symbol:\\s+([^\\n]*))?");
    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws Exception {
        String readme = Files.readString(readme());
        Map<Integer, String> snippets = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            int line = lineOf(readme, m.start()) + 1;
            if (SKIPPED_WHEN_CONTAINING.stream().noneMatch(m.group(1)::contains)) snippets.put(line, m.group(1));
        }
        assertThat(snippets).hasSizeGreaterThan(20);

        Map<Integer, String> asBody = compile(snippets, true);
        Map<Integer, String> asMembers = compile(filter(snippets, asBody.keySet()), false);

        List<String> failures = new ArrayList<>();
        asMembers.forEach((line, error) -> failures.add("the block at README.md:" + line + " does not compile;"
                + " as statements, " + asBody.get(line) + "; as class members, " + error));
        assertThat(failures).as("java blocks of README.md that do not compile").isEmpty();
    }

    /**
     * The first error of each snippet that does not compile, by its README line. javac stops before type checks
     * when any file fails to parse, so the snippets that failed are set aside and the rest compiled again.
     */
    private static Map<Integer, String> compile(Map<Integer, String> snippets, boolean asMethodBody)
            throws IOException, InterruptedException {
        Map<Integer, String> errors = new LinkedHashMap<>();
        Map<Integer, String> remaining = new LinkedHashMap<>(snippets);
        while (!remaining.isEmpty()) {
            Map<Integer, String> round = compileOnce(remaining, asMethodBody);
            if (round.isEmpty()) break;
            errors.putAll(round);
            remaining.keySet().removeAll(round.keySet());
        }
        return errors;
    }

    /** javac of the running JDK over one class per snippet; the first error of each, by README line. */
    private static Map<Integer, String> compileOnce(Map<Integer, String> snippets, boolean asMethodBody)
            throws IOException, InterruptedException {
        Map<Integer, String> errors = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("readme-snippets");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "-proc:none", "-Xmaxerrs", "10000", "-d", dir.resolve("classes").toString(),
                "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<Integer, String> snippet : snippets.entrySet()) {
            String body = snippet.getValue().replace("{ ... }", "{ }");
            String members = asMethodBody ? "void snippet() throws Exception {\n" + body + "\n}\n" : body;
            String name = "Readme" + snippet.getKey();
            Path source = Files.writeString(dir.resolve(name + ".java"),
                    IMPORTS + "class " + name + " {\n" + PLACEHOLDERS + members + "\n}\n");
            command.add(source.toString());
        }
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).as("javac ended").isTrue();
        long header = (IMPORTS + PLACEHOLDERS).chars().filter(c -> c == '\n').count() + (asMethodBody ? 2 : 1);
        Matcher error = ERROR.matcher(output.replace("\r\n", "\n"));
        while (error.find()) {
            int first = Integer.parseInt(error.group(1));
            long line = first + Long.parseLong(error.group(2)) - header - 1;
            errors.putIfAbsent(first, "line " + line + ": " + error.group(3)
                    + (error.group(4) == null ? "" : " " + error.group(4)));
        }
        assertThat(javac.exitValue() == 0).as(output).isEqualTo(errors.isEmpty());
        return errors;
    }

    private static Map<Integer, String> filter(Map<Integer, String> snippets, Set<Integer> lines) {
        Map<Integer, String> kept = new LinkedHashMap<>(snippets);
        kept.keySet().retainAll(lines);
        return kept;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
