package dev.groqj.redis;

import dev.groqj.testkit.FakeGroqServer;
import dev.groqj.testkit.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that replicas share one budget: four JVMs, each with its own client and Redis store, send as fast as a
 * budget of {@value #RPM} requests a minute lets them, against one {@link FakeGroqServer}; its journal shows every
 * request arrived once and that no minute admitted more than the bucket allows. Bucket4j's bucket starts full and
 * refills greedily, so any window of a minute admits at most {@code RPM} (the burst of a full bucket) plus
 * {@code RPM} (the minute's refill): 2 × RPM. Without sharing, four local budgets would admit 4 × RPM at once.
 *
 * <p>To keep it to seconds, every JVM reads the same wall clock sped up {@value #SCALE} times ({@link ScaledClock}):
 * a minute lasts three seconds, long enough that the budget, not this machine's speed, is what holds the replicas
 * back (with a budget of its own in each JVM, the most in a minute is about 4 × RPM and this test fails). Arrival jitter (a slow process on a busy machine) can move a request by a few scaled
 * seconds, hence a {@value #JITTER_SLACK}-request slack on the window bound.
 */
class FourJvmsShareOneBudgetTest {
    private static final int REPLICAS = 4;
    private static final int CALLS_EACH = 15;
    private static final long RPM = 20;
    private static final long SCALE = 20;
    private static final int JITTER_SLACK = 3;

    @Test
    void fourJvmsNeverTogetherExceedTheSharedBudgetAndLoseNoRequest() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Instant origin = Instant.ofEpochMilli(System.currentTimeMillis()); // as the replicas get it
            ScaledClock clock = new ScaledClock(origin, SCALE);
            try (FakeGroqServer groq = FakeGroqServer.builder().clock(clock).requestsPerMinute(1_000_000)
                    .requestsPerDay(1_000_000).tokensPerMinute(100_000_000).build().start()) {
                Path dir = Files.createTempDirectory("four-jvms");
                List<Process> replicas = new ArrayList<>();
                for (int r = 0; r < REPLICAS; r++) {
                    replicas.add(replica(dir, r, redis.uri(), groq, origin));
                }
                for (int r = 0; r < REPLICAS; r++) {
                    Process p = replicas.get(r);
                    boolean done = p.waitFor(120, TimeUnit.SECONDS);
                    if (!done) p.destroyForcibly();
                    String log = Files.readString(dir.resolve("replica-" + r + ".log"));
                    assertThat(done).as("replica %d finished within 120 s: %s", r, log).isTrue();
                    assertThat(p.exitValue()).as("replica %d: %s", r, log).isZero();
                }

                List<RecordedRequest> chats = groq.requests().stream()
                        .filter(q -> q.path().endsWith("/chat/completions")).toList();
                Set<String> expected = new HashSet<>();
                for (int r = 0; r < REPLICAS; r++) {
                    for (int i = 0; i < CALLS_EACH; i++) expected.add("replica " + r + " call " + i);
                }
                Set<String> arrived = new HashSet<>();
                for (RecordedRequest q : chats) {
                    arrived.add(q.json().get("messages").get(0).get("content").asString());
                }
                assertThat(chats).as("each request arrived once").hasSize(REPLICAS * CALLS_EACH);
                assertThat(arrived).as("no request lost").isEqualTo(expected);

                List<Instant> times = chats.stream().map(RecordedRequest::timestamp).sorted().toList();
                int maxPerMinute = maxInWindow(times, Duration.ofMinutes(1));
                Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
                double steadyPerMinute = (times.size() - RPM) / (span.toMillis() / 60_000.0);
                System.out.printf("FourJvmsShareOneBudgetTest: %d replicas x %d calls, budget %d/min: %d arrived over"
                                + " %.1f scaled min (%.1f s real); most in any minute %d (bound 2 x %d + %d);"
                                + " after the first %d, %.1f per minute%n",
                        REPLICAS, CALLS_EACH, RPM, times.size(), span.toMillis() / 60_000.0,
                        span.toMillis() / 1000.0 / SCALE, maxPerMinute, RPM, JITTER_SLACK, RPM, steadyPerMinute);

                assertThat(maxPerMinute).as("most requests in any minute").isLessThanOrEqualTo((int) (2 * RPM) + JITTER_SLACK);
                // 60 requests at 20 a minute after a burst of 20 need two minutes: four local budgets would need none
                assertThat(span).isGreaterThan(Duration.ofSeconds((REPLICAS * CALLS_EACH - RPM) * 60 / RPM - 20));
            }
        }
    }

    /** The largest number of {@code sorted} instants in any window [t, t + width) that starts at one of them. */
    static int maxInWindow(List<Instant> sorted, Duration width) {
        int max = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limit = sorted.get(start).plus(width);
            while (end < sorted.size() && sorted.get(end).isBefore(limit)) end++;
            max = Math.max(max, end - start);
        }
        return max;
    }

    private static Process replica(Path dir, int replica, String redisUri, FakeGroqServer groq, Instant origin)
            throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // serial GC and C1 only: four JVMs on a small machine
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), BudgetReplicaMain.class.getName(),
                redisUri, groq.baseUrl(), groq.apiKey(), Integer.toString(replica), Integer.toString(CALLS_EACH),
                Long.toString(RPM), Long.toString(SCALE), Long.toString(origin.toEpochMilli()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("replica-" + replica + ".log").toFile()).start();
    }
}
