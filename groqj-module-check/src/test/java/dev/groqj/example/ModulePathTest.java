package dev.groqj.example;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer, compiled by Maven as a module, runs in a child JVM on the module path, then on the class path. */
class ModulePathTest {
    private static final Path TARGET = Path.of("target");
    private static final String ANSWER = "answer: Hello from loopback";
    private static final String TYPED = "typed: Hello typed (2 words)";

    @Test
    void consumerModuleCallsALoopbackGroqOnTheModulePath() throws Exception {
        String modulePath = TARGET.resolve("classes") + File.pathSeparator + runtimePath();
        List<String> out = run("java", "-p", modulePath, "-m", "dev.groqj.example/dev.groqj.example.Example");
        assertEquals(List.of("consumer module: dev.groqj.example", "groqj module: dev.groqj.core",
                "internal exported: false", ANSWER, TYPED), out);
    }

    @Test
    void apacheTransportOnTheModulePathWhenTheApplicationAddsHttpClient5() throws Exception {
        // core requires httpclient5 statically: the application puts it on the path and resolves it, with
        // jdk.net, which httpclient5 (an automatic module, declaring nothing) uses for its socket options
        String modulePath = TARGET.resolve("classes") + File.pathSeparator + runtimePath() + File.pathSeparator
                + Files.readString(TARGET.resolve("apache.path")).strip();
        List<String> out = run("java", "-p", modulePath,
                "--add-modules", "org.apache.httpcomponents.client5.httpclient5,jdk.net",
                "-m", "dev.groqj.example/dev.groqj.example.Example", "apache");
        assertEquals(List.of("consumer module: dev.groqj.example", "groqj module: dev.groqj.core",
                "internal exported: false", ANSWER, TYPED, "transport: ApacheHttpTransport"), out);
    }

    @Test
    void sameConsumerCompiledAndRunOnTheClassPath() throws Exception {
        Path classes = Files.createDirectories(TARGET.resolve("classpath-consumer"));
        run("javac", "--release", "17", "-cp", runtimePath(), "-d", classes.toString(),
                "src/main/java/dev/groqj/example/Example.java");
        List<String> out = run("java", "-cp", classes + File.pathSeparator + runtimePath(), "dev.groqj.example.Example");
        assertEquals(List.of("consumer module: null", "groqj module: null", "internal exported: true", ANSWER, TYPED), out);
    }

    /** Written by maven-dependency-plugin: groqj-core and its runtime dependencies. */
    private static String runtimePath() throws IOException {
        return Files.readString(TARGET.resolve("runtime.path")).strip();
    }

    /** Runs a JDK tool, {@code java} or {@code javac}, and returns what it printed. */
    private static List<String> run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.add(tool.equals("javac") ? "-J-XX:TieredStopAtLevel=1" : "-XX:TieredStopAtLevel=1"); // starts faster
        command.addAll(List.of(args));
        Path log = Files.createTempFile(TARGET, "consumer", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended && p.exitValue() == 0, () -> tool + " failed: " + String.join("\n", lines));
        return lines.stream().filter(l -> !l.startsWith("SLF4J")).toList();
    }
}
