package dev.groqj.bench;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Groq-shaped streams, many at once, in a JVM of its own: {@code n} callers each reading paced streams
 * ({@link LoopbackServer}'s {@code /paced/}) back to back, one caller a virtual thread where the JDK has them.
 *
 * <pre>{@code
 * java -cp <harness classpath> dev.groqj.bench.SlowStreams groqj http://127.0.0.1:PORT 2000 4 8
 * }</pre>
 *
 * Arguments: client, server root, streams, warm-up seconds (every caller has started — callers start spread over
 * one stream's length — and the JIT has seen the paths), measured seconds. Prints one line,
 * {@code SLOW threads=virtual streams=.. cpu_us_per_stream=.. ttfc_p50_us=.. ttfc_p99_us=.. heap_bytes=.. platform_threads=.. failures=..}:
 * the process CPU over the window per stream completed in it; time to first chunk of the streams started in
 * the window (from calling {@code stream()} to holding the first decoded chunk); heap in use after a full GC
 * with the streams open, and the platform threads alive then, each minus what the JVM had after the client
 * was built and had made one call.
 */
public final class SlowStreams {
    private SlowStreams() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String root = args[1];
        int n = Integer.parseInt(args[2]);
        double warmup = Double.parseDouble(args[3]);
        double window = Double.parseDouble(args[4]);
        ExecutorService callers = virtualThreads();
        String threadKind = callers != null ? "virtual" : "platform";
        if (callers == null) {
            callers = Executors.newFixedThreadPool(n, r -> new Thread(null, r, "caller", 256 * 1024));
        }
        try (BenchClient client = BenchClient.create(name, root + "/paced/openai/v1")) {
            client.complete();   // the client's own lazily built state is not the streams'
            long baseHeap = OpenStreams.heapAfterGc();
            int baseThreads = ManagementFactory.getThreadMXBean().getThreadCount();

            long start = System.nanoTime();
            long windowStart = start + (long) (warmup * 1e9);
            long windowEnd = windowStart + (long) (window * 1e9);
            AtomicLong completed = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            List<Stats> ttfc = new ArrayList<>();
            // callers start spread over one stream's length, so that streams start and end at a steady rate
            long spread = (Fixtures.PACED_FIRST_CHUNK_MS + Fixtures.PACED_CONTENT_CHUNKS * Fixtures.PACED_TICK_MS) * 1_000_000L;
            for (int i = 0; i < n; i++) {
                Stats mine = new Stats();
                ttfc.add(mine);
                long begin = start + spread * i / n;
                callers.execute(() -> {
                    try {
                        sleepUntil(begin);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long t0;
                    while ((t0 = System.nanoTime()) < windowEnd) {
                        try {
                            BenchClient.Streamed s = client.stream();
                            if (s.chunks() != Fixtures.PACED_CHUNKS) {
                                throw new IllegalStateException("a paced stream carried " + s.chunks() + " chunks");
                            }
                            if (t0 >= windowStart) mine.add(s.firstChunkAt() - t0);
                            long t1 = System.nanoTime();
                            if (t1 >= windowStart && t1 < windowEnd) completed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                });
            }
            sleepUntil(windowStart);
            long cpu0 = processCpuNanos();
            sleepUntil(windowEnd);
            long cpu = processCpuNanos() - cpu0;
            long streams = completed.get();
            // the callers are still in their last streams: what n open streams hold
            int threads = ManagementFactory.getThreadMXBean().getThreadCount() - baseThreads;
            long heap = OpenStreams.heapAfterGc() - baseHeap;
            callers.shutdown();
            if (!callers.awaitTermination(30, TimeUnit.SECONDS)) throw new IllegalStateException("streams did not end");
            Stats all = new Stats();
            for (Stats s : ttfc) all.addAll(s);
            if (firstFailure.get() != null) {
                System.out.println("# " + name + ": " + failures.get() + " paced streams failed, first: " + firstFailure.get());
            }
            System.out.printf("SLOW threads=%s streams=%d cpu_us_per_stream=%d ttfc_p50_us=%d ttfc_p99_us=%d heap_bytes=%d"
                            + " platform_threads=%d failures=%d%n", threadKind, streams, streams == 0 ? 0 : cpu / 1000 / streams,
                    all.size() == 0 ? 0 : all.percentile(50) / 1000, all.size() == 0 ? 0 : all.percentile(99) / 1000,
                    heap, threads, failures.get());
        }
        System.out.flush();
        System.exit(0);   // not halt: a JFR recording (BENCH_JVM_OPTS) is written on exit
    }

    /** A virtual thread per task on JDK 21+ (looked up: this is Java 17 bytecode), else null. */
    private static ExecutorService virtualThreads() {
        try {
            Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) m.invoke(null);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(wait);
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
