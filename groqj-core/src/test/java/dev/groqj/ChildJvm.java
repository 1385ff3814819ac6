package dev.groqj;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a test's {@code main} in a child JVM with a small heap, so a heap bound is real, not a measurement.
 *
 * <pre>{@code
 * String output = ChildJvm.run(dir, "-Xmx32m", EndlessLineMain.class, server.baseUrl()); // its main prints peakHeap()
 * }</pre>
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Runs {@code main} with {@code args} and returns its output, asserting it exited 0 within 60 s. */
    public static String run(Path dir, String maxHeap, Class<?> main, String... args) throws Exception {
        return run(dir, maxHeap, System.getProperty("java.class.path"), main, args);
    }

    /** {@link #run} with this test JVM's classpath less the entries whose path contains {@code leftOut}. */
    public static String runWithout(String leftOut, Path dir, Class<?> main, String... args) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains(leftOut)).collect(Collectors.joining(File.pathSeparator));
        return run(dir, "-Xmx64m", classpath, main, args);
    }

    private static String run(Path dir, String maxHeap, String classpath, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // serial GC and C1 only: less CPU for a short run; neither changes the heap bound
                maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        if (!finished) child.destroyForcibly();
        String output = Files.readString(log);
        assertThat(finished).as("child finished, output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("child exit, output:%n%s", output).isZero();
        return output;
    }

    /** For the child to print: an upper bound of the heap it ever used, each pool's own peak summed. */
    public static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
