package dev.groqj.redis;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's groqj-redis block compiles (the testkit's README test cannot see this module). */
class ReadmeBlockTest {
    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);

    @Test
    void theReadmeBlockThatUsesRedisRateLimitStoreCompiles() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = BLOCK.matcher(readme);
        String block = null;
        while (m.find()) {
            if (m.group(1).contains("RedisRateLimitStore.builder(")) block = m.group(1);
        }
        assertThat(block).as("a java block of README.md builds a RedisRateLimitStore").isNotNull();

        Path dir = Files.createTempDirectory("readme-redis");
        Path source = dir.resolve("ReadmeRedis.java");
        Files.writeString(source, "import dev.groqj.*;\nimport dev.groqj.redis.*;\nimport dev.groqj.resilience.*;\n"
                + "class ReadmeRedis {\n    void example() {\n" + block + "\n    }\n}\n");
        Path log = dir.resolve("javac.log");
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-proc:none", "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), source.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(javac.exitValue()).as("javac: %s", Files.readString(log)).isZero();
    }
}
