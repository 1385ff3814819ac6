package dev.groqj.chat;

import dev.groqj.ChildJvm;
import dev.groqj.ScriptedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
            String output = ChildJvm.run(dir, "-Xmx32m", EndlessLineMain.class, server.baseUrl());
            Matcher m = Pattern.compile("blocking=(\\S+) async=(\\S+) maxHeap=(\\d+) peakHeap=(\\d+)").matcher(output);
            assertThat(m.find()).as("report line in:%n%s", output).isTrue();
            assertThat(m.group(1)).isEqualTo("StreamException/ResponseTooLargeException");
            assertThat(m.group(2)).isEqualTo("StreamException/ResponseTooLargeException");
            assertThat(Long.parseLong(m.group(3))).as("the child's heap limit").isLessThanOrEqualTo(32L << 20);
            assertThat(output).doesNotContain("OutOfMemoryError");
        }
    }
}
