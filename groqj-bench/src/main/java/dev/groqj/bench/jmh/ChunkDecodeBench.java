package dev.groqj.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.ObjectMappers;
import dev.groqj.bench.Fixtures;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.internal.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One stream's 1,000 chunk documents decoded and their content read, per chunk, from what each one's SSE layer
 * hands over: groqj from the event's UTF-8 bytes into its {@link ChatCompletionChunk} ({@link Json#read}),
 * openai-java from a {@code String} into its own chunk type with its own mapper, the floor from a {@code String}
 * line into a Jackson tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChunkDecodeBench {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper OPENAI = ObjectMappers.jsonMapper();
    private String[] chunks;
    private byte[][] utf8;

    @Setup
    public void load() {
        chunks = Fixtures.load().chunks().toArray(new String[0]);
        utf8 = new byte[chunks.length][];
        for (int i = 0; i < chunks.length; i++) utf8[i] = chunks[i].getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.STREAM_CHUNKS)
    public void groqj(Blackhole bh) {
        for (byte[] json : utf8) {
            bh.consume(Json.read(json, ChatCompletionChunk.class).choices().get(0).delta().content());
        }
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.STREAM_CHUNKS)
    public void openaiJava(Blackhole bh) throws JsonProcessingException {
        for (String json : chunks) {
            bh.consume(OPENAI.readValue(json, com.openai.models.chat.completions.ChatCompletionChunk.class)
                    .choices().get(0).delta().content());
        }
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.STREAM_CHUNKS)
    public void raw(Blackhole bh) throws JsonProcessingException {
        for (String json : chunks) {
            bh.consume(PLAIN.readTree(json).path("choices").path(0).path("delta").path("content").asText());
        }
    }
}
