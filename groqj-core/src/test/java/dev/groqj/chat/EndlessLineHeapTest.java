package dev.groqj.chat;

import dev.groqj.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SSE line that never ends, read by a JVM whose whole heap is 32 MB: the stream fails with the typed cap
 * exception, blocking and async, instead of an {@code OutOfMemoryError}. The reads run in a child JVM
 * ({@link EndlessLineMain}) so the heap limit is real, not a measurement.
 */
class EndlessLineHeapTest {
    private static final long LINE_BOUND = 256L << 20; // what the server sends at most, 8x the child's heap

    @Test
    void endlessLineEndsInResponseTooLargeWithThirtyTwoMegabytesOfHeap(@TempDir Path dir) throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.sseEndlessLine(64 << 10, LINE_BOUND);
            server.sseEndlessLine(64 << 10, LINE_BOUND);
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // serial GC and C1 only: less CPU for a short run; neither changes the heap bound
                    "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    EndlessLineMain.class.getName(), server.baseUrl())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            boolean finished = child.waitFor(60, TimeUnit.SECONDS);
            if (!finished) child.destroyForcibly();
            String output = Files.readString(dir.resolve("child.log"));
            assertThat(finished).as("child finished, output:%n%s", output).isTrue();
            assertThat(child.exitValue()).as("child exit, output:%n%s", output).isZero();

            Matcher m = Pattern.compile("blocking=(\\S+) async=(\\S+) maxHeap=(\\d+) peakHeap=(\\d+)").matcher(output);
            assertThat(m.find()).as("report line in:%n%s", output).isTrue();
            assertThat(m.group(1)).isEqualTo("StreamException/ResponseTooLargeException");
            assertThat(m.group(2)).isEqualTo("StreamException/ResponseTooLargeException");
            assertThat(Long.parseLong(m.group(3))).as("the child's heap limit").isLessThanOrEqualTo(32L << 20);
            assertThat(output).doesNotContain("OutOfMemoryError");
            System.out.println("endless SSE line, child JVM -Xmx32m: " + m.group());
        }
    }
}
