package dev.groqj.internal.sse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SseEventTest {
    @Test
    void theParsersBytesDecodeToTheSameEventAsText() {
        String data = "{\"content\":\"Grüße 👋\"}";
        SseEvent fromBytes = new SseEvent("message", data.getBytes(StandardCharsets.UTF_8), "7", 10L);
        SseEvent fromText = new SseEvent("message", data, "7", 10L);
        assertThat(fromBytes.data()).isEqualTo(data);
        assertThat(fromBytes).isEqualTo(fromText).hasSameHashCodeAs(fromText);
        assertThat(fromText.utf8()).isEqualTo(data.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBytes.toString()).isEqualTo(fromText.toString());
    }

    @Test
    void comparesItsBytesWithoutDecodingThem() {
        SseEvent done = SseEvent.message("[DONE]");
        assertThat(done.dataEquals("[DONE]")).isTrue();
        assertThat(done.dataEquals("[DONE")).isFalse();
        assertThat(SseEvent.message("[DONE] ").dataEquals("[DONE]")).isFalse();

        SseEvent error = SseEvent.message("{\"error\":{\"message\":\"x\"}}");
        assertThat(error.startsWith("{\"error\"")).isTrue();
        assertThat(error.contains("\"message\"")).isTrue();
        assertThat(error.contains("\"choices\"")).isFalse();
        assertThat(SseEvent.message("\"erro").contains("\"error\"")).isFalse();
        assertThat(SseEvent.message("").isEmpty()).isTrue();
        assertThat(SseEvent.message("").contains("x")).isFalse();
    }
}
