package dev.groqj.bench;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap in use with 1,000 streams open, in a JVM of its own, so no other client's leftovers (a closed
 * {@code java.net.http} client's pool lingers until it is collected) move the numbers.
 *
 * <pre>{@code
 * java -Xmx1g -cp <harness classpath> dev.groqj.bench.OpenStreams groqj http://127.0.0.1:PORT 1000 [histogram-file]
 * }</pre>
 *
 * Prints {@code HEAP <bytes>}: heap in use after a full GC with the streams open (each has read its first chunk)
 * minus heap in use before, after the client was built and had made one call. Then it has the server release
 * the streams and reads each to its end.
 */
public final class OpenStreams {
    private OpenStreams() {
    }

    public static void main(String[] args) throws Exception {
        String root = args[1];
        int n = Integer.parseInt(args[2]);
        long delta;
        try (BenchClient client = BenchClient.create(args[0], root + "/hold/openai/v1")) {
            client.complete();   // the client's own lazily built state is not a stream's
            long base = heapAfterGc();
            List<BenchClient.OpenStream> open = new ArrayList<>(n);
            for (int i = 0; i < n; i++) open.add(client.open());
            delta = heapAfterGc() - base;
            if (args.length > 3) histogram(Path.of(args[3]));
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + "/_release")).build(),
                    HttpResponse.BodyHandlers.discarding());
            for (BenchClient.OpenStream s : open) {
                int chunks = s.finish();
                if (chunks != 2) throw new IllegalStateException("a held stream carried " + chunks + " chunks, not 2");
            }
        }
        System.out.println("HEAP " + delta);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Heap in use after full collections, once it stops shrinking (references cleared by one GC free more in the next). */
    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used - used / 100) return now;
            used = now;
        }
        return used;
    }

    /** What the heap holds, by class (what {@code jmap -histo:live} prints): where the open streams' bytes are. */
    private static void histogram(Path file) throws IOException {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Files.writeString(file, (String) text);
        } catch (JMException e) {
            throw new IOException("class histogram", e);
        }
    }
}
