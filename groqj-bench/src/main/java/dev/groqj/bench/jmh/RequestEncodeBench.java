package dev.groqj.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.groqj.bench.BenchClient;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Message;
import dev.groqj.internal.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The chat request every scenario sends (model and one user message), built once, encoded to JSON bytes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestEncodeBench {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper OPENAI = ObjectMappers.jsonMapper();

    private final ChatRequest groqj = ChatRequest.builder()
            .model(BenchClient.MODEL)
            .addMessage(Message.user(BenchClient.PROMPT))
            .build();
    private final ChatCompletionCreateParams openai = ChatCompletionCreateParams.builder()
            .model(BenchClient.MODEL)
            .addUserMessage(BenchClient.PROMPT)
            .build();
    private final ObjectNode raw = PLAIN.createObjectNode().put("model", BenchClient.MODEL);

    {
        raw.putArray("messages").addObject().put("role", "user").put("content", BenchClient.PROMPT);
    }

    @Benchmark
    public byte[] groqj() {
        return Json.write(groqj);
    }

    @Benchmark
    public byte[] openaiJava() throws JsonProcessingException {
        return OPENAI.writeValueAsBytes(openai._body());
    }

    @Benchmark
    public byte[] raw() throws JsonProcessingException {
        return PLAIN.writeValueAsBytes(raw);
    }
}
