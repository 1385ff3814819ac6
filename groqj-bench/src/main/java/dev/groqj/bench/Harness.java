package dev.groqj.bench;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs every scenario for groqj, openai-java and the raw floor in one JVM, interleaved, against a
 * {@link LoopbackServer} in a child JVM, and prints one {@code SCENARIO} line per scenario.
 *
 * <pre>{@code
 * ./groqj-bench/run.sh --quick                       # under 3 minutes on 2 cores
 * ./groqj-bench/run.sh --clients groqj --only stream # one client, one scenario group (for a profiler)
 * }</pre>
 *
 * The server has its own process so that the process CPU this JVM reports is the clients' alone (plus the
 * harness's, the same for all three). Writes results.md, results.txt and benchmarks.png to {@code --out}.
 */
public final class Harness {
    private static final double MB = 1_000_000.0;
    private static final List<String> GROUPS =
            List.of("chat", "stream", "tls", "slow_streams", "streams_open", "cold_start", "classpath", "jmh");
    private static final int OPEN_STREAMS = 1_000;

    private final Settings settings;
    private final List<String> clients;
    private final Set<String> groups;
    private final Path out;
    private final List<Scenario> results = new ArrayList<>();
    private final Map<String, BenchClient> live = new LinkedHashMap<>();
    private final Map<String, BenchClient> liveTls = new LinkedHashMap<>();
    private final HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Process server;
    private String root;
    /** The same server's TLS + HTTP/2 side ({@link TlsServer}), when the tls group runs. */
    private String tlsRoot;
    private BenchTls tls;

    /** How long each part runs; {@code --quick} trades precision for a run of about four minutes. */
    record Settings(String mode, double warmupSeconds, int rounds, double chatSeconds, double streamSeconds,
                    int coldRepetitions, int jmhWarmups, int jmhIterations, int jmhMillis,
                    int slowStreams, double slowWarmupSeconds, double slowSeconds) {
        // JMH warm-up is a second an iteration in both: C2 needs about three seconds for Jackson's paths on 2 cores.
        // Slow streams: the warm-up covers every caller's first stream (4.15 s each) and the JIT's first pass.
        static final Settings QUICK = new Settings("quick", 2, 2, 1.2, 1.5, 3, 3, 2, 500, 2000, 5, 5);
        static final Settings FULL = new Settings("full", 6, 5, 3, 3, 7, 5, 5, 1000, 2000, 8, 15);
    }

    private Harness(Settings settings, List<String> clients, Set<String> groups, Path out) {
        this.settings = settings;
        this.clients = clients;
        this.groups = groups;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.FULL;
        List<String> clients = BenchClient.NAMES;
        Set<String> groups = Set.copyOf(GROUPS);
        Path out = Path.of("groqj-bench", "target", "bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick": settings = Settings.QUICK; break;
                case "--clients": clients = List.of(args[++i].split(",")); break;
                case "--only": groups = Set.of(args[++i].split(",")); break;
                case "--out": out = Path.of(args[++i]); break;
                default:
                    System.err.println("usage: Harness [--quick] [--clients groqj,groqj-apache,openai-java,raw] [--only "
                            + String.join(",", GROUPS) + "] [--out DIR]");
                    System.exit(2);
            }
        }
        clients.forEach(c -> BenchClient.create(c, "http://127.0.0.1:1").close());   // fails fast on a typo
        Files.createDirectories(out);
        Harness h = new Harness(settings, clients, groups, out);
        try {
            h.run();
        } finally {
            h.stop();
        }
        System.exit(0);   // JMH and the JDK client leave non-daemon threads behind
    }

    private void run() throws Exception {
        System.out.println("# groqj-bench " + settings.mode() + ": " + environment() + "; load average " + loadAverage());
        startServer();
        if (groups.contains("chat") || groups.contains("stream")) {
            for (String c : clients) live.put(c, BenchClient.create(c, root + "/openai/v1"));
            warmUp(live);
        }
        step("chat", () -> {
            chat("", live, 1);
            chat("", live, 64);
        });
        step("stream", () -> stream("", live));
        live.values().forEach(BenchClient::close);
        live.clear();
        step("tls", () -> {
            for (String c : clients) liveTls.put(c, BenchClient.create(c, tlsRoot + "/openai/v1", tls));
            warmUp(liveTls);
            chat("tls_", liveTls, 1);
            chat("tls_", liveTls, 64);
            stream("tls_", liveTls);
            liveTls.values().forEach(BenchClient::close);
            liveTls.clear();
        });
        step("slow_streams", this::slowStreams);
        step("streams_open", this::openStreams);
        step("cold_start", this::coldStart);
        step("classpath", this::classpath);
        step("jmh", this::jmh);
        report();
    }

    /** Runs a scenario group if it was asked for, and says how long it took (the --quick budget is 3 minutes). */
    private void step(String group, Step step) throws Exception {
        if (!groups.contains(group)) return;
        long t0 = System.nanoTime();
        step.run();
        System.out.printf(Locale.ROOT, "# %s took %.1f s%n", group, (System.nanoTime() - t0) / 1e9);
    }

    private interface Step {
        void run() throws Exception;
    }

    // ---- scenarios ----

    private void warmUp(Map<String, BenchClient> live) throws InterruptedException {
        for (String c : clients) {
            chatSegment(live.get(c), 8, settings.warmupSeconds() * 0.6);
            streamSegment(live.get(c), settings.warmupSeconds() * 0.4);
        }
    }

    /** Chat at {@code concurrency}, scenarios named {@code <prefix>chat_c<concurrency>_...}. */
    private void chat(String scheme, Map<String, BenchClient> live, int concurrency) throws Exception {
        Map<String, ChatTotals> totals = new LinkedHashMap<>();
        Map<String, List<ChatTotals>> rounds = new LinkedHashMap<>();
        ChatTotals serverSide = new ChatTotals();
        for (int round = 0; round < settings.rounds(); round++) {
            for (String c : rotated(round)) {
                gc();
                long[] before = serverStats();
                ChatTotals t = chatSegment(live.get(c), concurrency, settings.chatSeconds());
                long[] after = serverStats();
                totals.computeIfAbsent(c, k -> new ChatTotals()).add(t);
                rounds.computeIfAbsent(c, k -> new ArrayList<>()).add(t);
                if (c.equals("raw")) serverSide.add(after[0] - before[0], t.wallNanos, after[1] - before[1]);
            }
        }
        String prefix = scheme + "chat_c" + concurrency + "_";
        Scenario throughput = new Scenario(prefix + "throughput", "req/s", true);
        Scenario p50 = new Scenario(prefix + "p50", "ms", false);
        Scenario p99 = new Scenario(prefix + "p99", "ms", false);
        Scenario cpu = new Scenario(prefix + "cpu", "us/req", false);
        Scenario alloc = new Scenario(prefix + "alloc", "KB/req", false);
        totals.forEach((c, t) -> {
            if (t.failures > 0) {
                System.out.printf("# %s %s: %d of %d calls failed, first: %s%n",
                        c, prefix, t.failures, t.failures + t.requests, t.firstFailure);
            }
            List<ChatTotals> r = rounds.get(c);
            throughput.put(c, median(r, x -> x.requests / (x.wallNanos / 1e9)));
            p50.put(c, t.latencies.percentile(50) / 1e6);
            p99.put(c, t.latencies.percentile(99) / 1e6);
            cpu.put(c, median(r, x -> x.cpuNanos / 1e3 / x.requests));
            alloc.put(c, median(r, x -> x.allocatedBytes / 1e3 / x.requests));
        });
        add(throughput, p50, p99, cpu, alloc);
        if (serverSide.requests > 0) {
            // the server's own cost, measured while the raw client drove it: its headroom
            double serverUs = serverSide.cpuNanos / 1e3 / serverSide.requests;
            double busy = serverSide.cpuNanos / (double) serverSide.wallNanos;
            System.out.printf(Locale.ROOT, "SERVER %sc%d cpu_per_request_us=%.1f cores_busy=%.2f capacity_per_core_req_s=%.0f%n",
                    scheme, concurrency, serverUs, busy, 1e6 / serverUs);
        }
    }

    private void stream(String scheme, Map<String, BenchClient> live) throws InterruptedException {
        Map<String, StreamTotals> totals = new LinkedHashMap<>();
        Map<String, List<StreamTotals>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < settings.rounds(); round++) {
            for (String c : rotated(round)) {
                gc();
                StreamTotals t = streamSegment(live.get(c), settings.streamSeconds());
                totals.computeIfAbsent(c, k -> new StreamTotals()).add(t);
                rounds.computeIfAbsent(c, k -> new ArrayList<>()).add(t);
            }
        }
        Scenario rate = new Scenario(scheme + "stream_chunks_per_s", "chunks/s", true);
        Scenario ttfc = new Scenario(scheme + "stream_ttfc_p50", "ms", false);
        Scenario cpu = new Scenario(scheme + "stream_cpu_per_chunk", "us/chunk", false);
        Scenario alloc = new Scenario(scheme + "stream_alloc_per_chunk", "bytes/chunk", false);
        totals.forEach((c, t) -> {
            List<StreamTotals> r = rounds.get(c);
            rate.put(c, median(r, x -> x.chunks / (x.streamNanos / 1e9)));
            ttfc.put(c, t.firstChunk.percentile(50) / 1e6);
            cpu.put(c, median(r, x -> x.cpuNanos / 1e3 / x.chunks));
            alloc.put(c, median(r, x -> (double) x.allocatedBytes / x.chunks));
        });
        add(rate, ttfc, cpu, alloc);
    }

    /**
     * {@link SlowStreams} per client, each in a JVM of its own (a JDK 21+ one where there is one, for virtual
     * threads). Time to first chunk is reported as the overhead over the server's {@value Fixtures#PACED_FIRST_CHUNK_MS} ms.
     */
    private void slowStreams() throws IOException, InterruptedException {
        String java = virtualThreadJava();
        Scenario cpu = new Scenario("slow_streams_cpu_per_stream", "us/stream", false);
        Scenario p50 = new Scenario("slow_streams_ttfc_overhead_p50", "ms", false);
        Scenario p99 = new Scenario("slow_streams_ttfc_overhead_p99", "ms", false);
        Scenario heap = new Scenario("slow_streams_heap", "MB", false);
        Scenario threads = new Scenario("slow_streams_platform_threads", "threads", false);
        double server = Fixtures.PACED_FIRST_CHUNK_MS;
        for (String c : clients) {
            get("/_paced");   // resets the server's lateness record
            String line = lineFrom(List.of(java, "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dslf4j.internal.verbosity=ERROR",
                    "-cp", System.getProperty("java.class.path"), SlowStreams.class.getName(), c, root,
                    String.valueOf(settings.slowStreams()), String.valueOf(settings.slowWarmupSeconds()),
                    String.valueOf(settings.slowSeconds())), "SLOW ");
            Map<String, String> f = new LinkedHashMap<>();
            for (String kv : line.trim().split(" ")) f.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            String[] late = get("/_paced").split(" ");
            System.out.printf(Locale.ROOT, "# slow_streams %s: %s streams on %s threads (%s), %s completed in %.0f s, %s failed;"
                            + " SERVER first chunk late p50 %s us, p99 %s us%n", c, settings.slowStreams(), f.get("threads"),
                    java, f.get("streams"), settings.slowSeconds(), f.get("failures"), late[1], late[2]);
            cpu.put(c, Double.parseDouble(f.get("cpu_us_per_stream")));
            p50.put(c, Double.parseDouble(f.get("ttfc_p50_us")) / 1e3 - server);
            p99.put(c, Double.parseDouble(f.get("ttfc_p99_us")) / 1e3 - server);
            heap.put(c, Double.parseDouble(f.get("heap_bytes")) / MB);
            threads.put(c, Double.parseDouble(f.get("platform_threads")));
        }
        add(cpu, p50, p99, heap, threads);
    }

    /**
     * The {@code java} of a JDK 21+ for virtual threads: this one, else {@code groqj.bench.java21}, else the newest
     * under /usr/lib/jvm; this JVM's own when there is none (the callers are then platform threads).
     */
    private static String virtualThreadJava() throws IOException {
        if (Runtime.version().feature() >= 21) return javaBin();
        String named = System.getProperty("groqj.bench.java21");
        if (named != null) return named;
        Path jvms = Path.of("/usr/lib/jvm");
        String best = javaBin();
        int bestFeature = 0;
        if (Files.isDirectory(jvms)) {
            try (java.util.stream.Stream<Path> dirs = Files.list(jvms)) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    Path release = dir.resolve("release");
                    Path java = dir.resolve("bin").resolve("java");
                    if (!Files.isRegularFile(release) || !Files.isExecutable(java)) continue;
                    for (String l : Files.readAllLines(release)) {
                        if (!l.startsWith("JAVA_VERSION=")) continue;
                        String v = l.substring("JAVA_VERSION=".length()).replace("\"", "");
                        int feature = Integer.parseInt(v.split("[.+-]")[0]);
                        if (feature >= 21 && feature > bestFeature) {
                            bestFeature = feature;
                            best = java.toString();
                        }
                    }
                }
            }
        }
        return best;
    }

    private void openStreams() throws IOException, InterruptedException {
        Scenario heap = new Scenario("streams_1000_open_heap", "MB", false);
        for (String c : clients) {
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
                    "-Dslf4j.internal.verbosity=ERROR", "-cp", System.getProperty("java.class.path"),
                    OpenStreams.class.getName(), c, root, String.valueOf(OPEN_STREAMS)));
            if (Boolean.getBoolean("groqj.bench.histogram")) command.add(out.resolve("histogram-" + c + ".txt").toString());
            heap.put(c, Long.parseLong(lineFrom(command, "HEAP ")) / MB);
        }
        add(heap);
    }

    private void coldStart() throws IOException, InterruptedException {
        Map<String, List<Path>> classpaths = classpaths();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int rep = 0; rep < settings.coldRepetitions(); rep++) {
            for (String c : rotated(rep)) {
                times.computeIfAbsent(c, k -> new ArrayList<>()).add(coldStartOnce(c, classpaths.get(c)));
            }
        }
        Scenario cold = new Scenario("cold_start", "ms", false);
        times.forEach((c, t) -> cold.put(c, median(t, Double::doubleValue)));
        add(cold);
    }

    private void classpath() throws IOException {
        Scenario size = new Scenario("classpath", "MB", false);
        for (Map.Entry<String, List<Path>> e : classpaths().entrySet()) {
            long bytes = 0;
            for (Path jar : e.getValue()) bytes += Files.size(jar);
            size.put(e.getKey(), bytes / MB);
        }
        add(size);
    }

    private void jmh() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("dev\\.groqj\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(settings.jmhWarmups())
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(TimeValue.milliseconds(settings.jmhMillis()))
                .jvmArgs("-Xms512m", "-Xmx512m", "-Dgroqj.fixtures=" + System.getProperty("groqj.fixtures"))
                .addProfiler(GCProfiler.class)
                .output(out.resolve("jmh.txt").toString())
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        Map<String, Scenario> byBenchmark = new LinkedHashMap<>();
        Map<String, Scenario> allocation = new LinkedHashMap<>();
        double sseBytes = Fixtures.load().sseBody().length;
        for (RunResult r : runs) {
            String label = r.getParams().getBenchmark();                  // dev.groqj.bench.jmh.SseParseBench.groqj
            int dot = label.lastIndexOf('.');
            String type = label.substring(label.lastIndexOf('.', dot - 1) + 1, dot);
            String client = label.substring(dot + 1).equals("openaiJava") ? "openai-java" : label.substring(dot + 1);
            if (!clients.contains(client)) continue;
            double nsPerOp = r.getPrimaryResult().getScore();
            Scenario s = byBenchmark.computeIfAbsent(type, Harness::jmhScenario);
            boolean wholeStream = s.unit.equals("MB/s");
            s.put(client, wholeStream ? sseBytes / nsPerOp * 1e9 / MB : nsPerOp);
            // JMH's GC profiler: bytes allocated per operation (a whole stream for the SSE parse)
            double bytesPerOp = r.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
            allocation.computeIfAbsent(type, k -> new Scenario(s.name + "_alloc",
                            wholeStream ? "bytes/event" : "bytes/" + s.unit.substring(s.unit.indexOf('/') + 1), false))
                    .put(client, wholeStream ? bytesPerOp / Fixtures.STREAM_CHUNKS : bytesPerOp);
        }
        byBenchmark.forEach((type, s) -> add(s, allocation.get(type)));
    }

    private static Scenario jmhScenario(String benchmarkClass) {
        switch (benchmarkClass) {
            case "SseParseBench": return new Scenario("jmh_sse_parse", "MB/s", true);
            case "ChunkDecodeBench": return new Scenario("jmh_chunk_decode", "ns/chunk", false);
            case "RequestEncodeBench": return new Scenario("jmh_request_encode", "ns/request", false);
            default: throw new IllegalStateException("unknown benchmark " + benchmarkClass);
        }
    }

    // ---- measurement ----

    /** {@code concurrency} threads calling {@link BenchClient#complete()} back to back for {@code seconds}. */
    private static ChatTotals chatSegment(BenchClient client, int concurrency, double seconds) throws InterruptedException {
        Stats[] latencies = new Stats[concurrency];
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(concurrency);
        CountDownLatch measured = new CountDownLatch(1);
        long[] deadline = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            Stats mine = latencies[i] = new Stats();
            threads[i] = new Thread(() -> {
                ready.countDown();
                try {
                    awaitQuietly(go);
                    long end = deadline[0];
                    long t0;
                    while ((t0 = System.nanoTime()) < end) {
                        try {
                            client.complete();
                            mine.add(System.nanoTime() - t0);
                        } catch (RuntimeException e) {
                            // counted and reported, not fatal: the JDK client can lose a pooled connection race
                            failures.incrementAndGet();
                            failure.compareAndSet(null, e);
                        }
                    }
                } finally {
                    done.countDown();
                }
                // stay alive until measured: a dead thread's allocation can no longer be read
                awaitQuietly(measured);
            }, "chat-" + i);
            threads[i].start();
        }
        ready.await();
        Allocation alloc0 = Allocation.snapshot();
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        deadline[0] = wall0 + (long) (seconds * 1e9);
        go.countDown();   // publishes deadline[0]
        done.await();
        ChatTotals totals = new ChatTotals();
        totals.wallNanos = System.nanoTime() - wall0;
        totals.cpuNanos = processCpuNanos() - cpu0;
        totals.allocatedBytes = Allocation.snapshot().since(alloc0);
        measured.countDown();
        for (Thread t : threads) t.join();
        totals.failures = failures.get();
        totals.firstFailure = failure.get();
        for (Stats s : latencies) {
            totals.latencies.addAll(s);
            totals.requests += s.size();
        }
        return totals;
    }

    /** One thread reading whole streams back to back for {@code seconds}. */
    private static StreamTotals streamSegment(BenchClient client, double seconds) {
        StreamTotals totals = new StreamTotals();
        Allocation alloc0 = Allocation.snapshot();
        long cpu0 = processCpuNanos();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0;
        while ((t0 = System.nanoTime()) < end) {
            BenchClient.Streamed s = client.stream();
            long t1 = System.nanoTime();
            if (s.chunks() != Fixtures.STREAM_CHUNKS) {
                throw new IllegalStateException("a stream carried " + s.chunks() + " chunks, not " + Fixtures.STREAM_CHUNKS);
            }
            totals.chunks += s.chunks();
            totals.streamNanos += t1 - t0;
            totals.firstChunk.add(s.firstChunkAt() - t0);
        }
        totals.cpuNanos = processCpuNanos() - cpu0;
        totals.allocatedBytes = Allocation.snapshot().since(alloc0);
        return totals;
    }

    private double coldStartOnce(String client, List<Path> classpath) throws IOException, InterruptedException {
        String cp = classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))
                + java.io.File.pathSeparator + benchClasses();
        long t0 = System.nanoTime();
        lineFrom(List.of(javaBin(), "-cp", cp, ColdStart.class.getName(), client, root + "/openai/v1"), "OK");
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Runs a child JVM until it prints a line starting with {@code prefix}; returns the rest of that line. */
    private static String lineFrom(List<String> command, String prefix) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    p.waitFor(10, TimeUnit.SECONDS);
                    return line.substring(prefix.length());
                }
                output.append(line).append('\n');
            }
        } finally {
            p.destroyForcibly();
        }
        throw new IllegalStateException(String.join(" ", command.subList(command.size() - 3, command.size()))
                + " failed:\n" + output);
    }

    // ---- the server ----

    private void startServer() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
                "-Dslf4j.internal.verbosity=ERROR", "-Dgroqj.fixtures=" + System.getProperty("groqj.fixtures")));
        if (groups.contains("tls")) {
            tls = BenchTls.create(out.resolve("tls"));   // a new self-signed certificate every run
            command.add("-Dgroqj.bench.tls.keystore=" + tls.keyStore());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoopbackServer.class.getName()));
        server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        String line = r.readLine();
        if (line == null || !line.startsWith("LISTENING ")) throw new IllegalStateException("server did not start: " + line);
        String[] ports = line.substring("LISTENING ".length()).trim().split(" ");
        root = "http://127.0.0.1:" + ports[0];
        if (ports.length > 1) tlsRoot = "https://127.0.0.1:" + ports[1];
    }

    private void stop() {
        live.values().forEach(BenchClient::close);
        liveTls.values().forEach(BenchClient::close);
        if (server != null) {
            server.destroy();   // its stdin closes with it too; either way it exits
            try {
                if (!server.waitFor(5, TimeUnit.SECONDS)) server.destroyForcibly();
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code [requests served, server process CPU ns]}. */
    private long[] serverStats() throws IOException, InterruptedException {
        return Arrays.stream(get("/_stats").split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create(root + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(path + ": HTTP " + r.statusCode());
        return r.body();
    }

    // ---- output ----

    private void add(Scenario... scenarios) {
        for (Scenario s : scenarios) {
            results.add(s);
            System.out.println(s.line());
        }
    }

    private void report() throws IOException {
        String env = environment();
        Files.write(out.resolve("results.txt"), results.stream().map(Scenario::line).collect(Collectors.toList()));
        StringBuilder md = new StringBuilder()
                .append("Measured ").append(Instant.now()).append(" (").append(settings.mode()).append(" run); ")
                .append(env).append("; load average at the end ").append(loadAverage()).append("\n\n")
                .append("| scenario | unit | groqj | groqj-apache | openai-java | raw | groqj vs openai-java | groqj vs raw"
                        + " | groqj-apache vs openai-java | groqj-apache vs raw |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Scenario s : results) {
            md.append("| ").append(s.name).append(" | ").append(s.unit);
            for (String c : BenchClient.NAMES) md.append(" | ").append(Scenario.format(s.value(c)));
            md.append(" | ").append(times(s.ratio("openai-java"))).append(" | ").append(times(s.ratio("raw")))
                    .append(" | ").append(times(s.ratio("groqj-apache", "openai-java")))
                    .append(" | ").append(times(s.ratio("groqj-apache", "raw"))).append(" |\n");
        }
        Files.writeString(out.resolve("results.md"), md);
        Chart.write(results, out.resolve("benchmarks.png"), settings.mode() + " run; " + env);
        System.out.println("# wrote " + out.resolve("results.md") + ", results.txt, benchmarks.png, jmh.txt");
    }

    private static String times(Double ratio) {
        return ratio == null ? "n/a" : Scenario.formatRatio(ratio) + "×";
    }

    private static String environment() {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows up here, and in the numbers. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    // ---- helpers ----

    /** The clients in an order that moves one step each round, so none always runs first or last. */
    private List<String> rotated(int round) {
        List<String> order = new ArrayList<>(clients.size());
        for (int i = 0; i < clients.size(); i++) order.add(clients.get((i + round) % clients.size()));
        return order;
    }

    /** Each client's runtime jars, from the cp-*.txt files run.sh writes with {@code dependency:build-classpath}. */
    private Map<String, List<Path>> classpaths() throws IOException {
        Path dir = Path.of(System.getProperty("groqj.bench.classpaths", "groqj-bench/target/classpaths"));
        Map<String, List<Path>> cps = new LinkedHashMap<>();
        for (String c : clients) {
            String text = Files.readString(dir.resolve("cp-" + c + ".txt")).trim();
            cps.put(c, Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).collect(Collectors.toList()));
        }
        return cps;
    }

    private static String benchClasses() {
        try {
            return Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void gc() {
        System.gc();
        System.gc();
    }



    /**
     * The median over rounds: a round that another process on the machine slowed down moves it less than it
     * moves a pooled total.
     */
    private static <T> double median(List<T> rounds, ToDoubleFunction<T> value) {
        List<Double> sorted = rounds.stream().map(value::applyAsDouble).sorted().collect(Collectors.toList());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static final class ChatTotals {
        long requests;
        long wallNanos;
        long cpuNanos;
        long allocatedBytes;
        long failures;
        Throwable firstFailure;
        final Stats latencies = new Stats();

        void add(ChatTotals t) {
            add(t.requests, t.wallNanos, t.cpuNanos);
            allocatedBytes += t.allocatedBytes;
            failures += t.failures;
            if (firstFailure == null) firstFailure = t.firstFailure;
            latencies.addAll(t.latencies);
        }

        void add(long requests, long wallNanos, long cpuNanos) {
            this.requests += requests;
            this.wallNanos += wallNanos;
            this.cpuNanos += cpuNanos;
        }
    }

    private static final class StreamTotals {
        long chunks;
        long streamNanos;
        long cpuNanos;
        long allocatedBytes;
        final Stats firstChunk = new Stats();

        void add(StreamTotals t) {
            chunks += t.chunks;
            streamNanos += t.streamNanos;
            cpuNanos += t.cpuNanos;
            allocatedBytes += t.allocatedBytes;
            firstChunk.addAll(t.firstChunk);
        }
    }
}
