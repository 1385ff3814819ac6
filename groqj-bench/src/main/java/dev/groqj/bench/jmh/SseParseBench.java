package dev.groqj.bench.jmh;

import dev.groqj.bench.Fixtures;
import dev.groqj.internal.sse.SseParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Parsing the 1,000-event stream body into events' data, in the form each hands it to its JSON decoder (the
 * harness turns ns/op into MB/s). groqj's
 * {@link SseParser} is fed 8 KiB at a time, as its reader feeds it; the floor reads lines with a
 * {@link BufferedReader}. openai-java's SSE parsing is internal to its Kotlin client and has no entry point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SseParseBench {
    private static final int FEED = 8192;
    private byte[] body;

    @Setup
    public void load() {
        body = Fixtures.load().sseBody();
    }

    @Benchmark
    public void groqj(Blackhole bh) {
        // the data as groqj's decoders take it: its UTF-8 bytes (the floor's is the String line)
        SseParser parser = new SseParser(event -> bh.consume(event.utf8()));
        for (int off = 0; off < body.length; off += FEED) parser.feed(body, off, Math.min(FEED, body.length - off));
        parser.finish();
    }

    @Benchmark
    public void raw(Blackhole bh) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), FEED);
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("data: ")) bh.consume(line.substring(6));
        }
    }
}
