package dev.groqj.internal.sse;

import dev.groqj.Fixtures;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.groqj.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded Groq streams and Groq's in-stream error shape, each parsed whole, byte by byte and in random pieces. */
class GroqStreamParsingTest {

    @Test
    void vercelRecordedTextStreamYieldsEveryChunkThenDone() throws IOException {
        List<String> chunks = Files.readAllLines(Fixtures.path("recorded/vercel-ai/groq-text.chunks.txt"), UTF_8);
        StringBuilder body = new StringBuilder();
        for (String chunk : chunks) body.append("data: ").append(chunk).append("\n\n");
        body.append("data: [DONE]\n\n");

        List<SseEvent> events = parseEveryWay(body.toString().getBytes(UTF_8));

        assertThat(chunks).hasSize(663);
        assertThat(events).hasSize(664);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(events.get(i).data()).isEqualTo(chunks.get(i));
            assertThat(Json.MAPPER.readTree(events.get(i).data()).path("object").asText())
                    .isEqualTo("chat.completion.chunk");
        }
        assertThat(events.get(663)).isEqualTo(SseEvent.message("[DONE]"));
    }

    @Test
    void openllmetryRecordedStreamBodyYieldsJsonChunksThenDone() throws IOException {
        JsonNode cassette = new YAMLMapper().readTree(
                Fixtures.path("recorded/openllmetry/test_chat_tracing/test_chat_streaming_legacy.yaml").toFile());
        String body = cassette.path("interactions").path(0).path("response").path("body").path("string").asText();

        List<SseEvent> events = parseEveryWay(body.getBytes(UTF_8));

        assertThat(events).hasSize(75);
        assertThat(events).allSatisfy(e -> assertThat(e.event()).isEqualTo("message"));
        for (SseEvent event : events.subList(0, 74)) {
            JsonNode chunk = Json.MAPPER.readTree(event.data());
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("model").asText()).isEqualTo("llama3-8b-8192");
        }
        assertThat(events.get(74).data()).isEqualTo("[DONE]");
    }

    @Test
    void groqErrorEventInsideStreamKeepsItsType() throws IOException {
        String body = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[]}\n\n"
                + "event: error\n"
                + "data: {\"error\":{\"message\":\"Failed to call a function.\",\"type\":\"invalid_request_error\","
                + "\"code\":\"tool_use_failed\",\"status_code\":400}}\n\n";

        List<SseEvent> events = parseEveryWay(body.getBytes(UTF_8));

        assertThat(events).extracting(SseEvent::event).containsExactly("message", "error");
        JsonNode error = Json.MAPPER.readTree(events.get(1).data()).path("error");
        assertThat(error.path("status_code").asInt()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("tool_use_failed");
    }

    private static List<SseEvent> parseEveryWay(byte[] body) {
        List<SseEvent> events = SseParserTest.parse(body, body.length);
        SseParserTest.assertParses(body, events.toArray(new SseEvent[0]));
        return events;
    }
}
