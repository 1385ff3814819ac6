package dev.groqj.chat;

import dev.groqj.internal.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentShortcutTest {

    private static ChatCompletionChunk chunk(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), ChatCompletionChunk.class);
    }

    @Test
    void chunkContentIsTheFirstChoicesTextOrEmptyNeverNull() {
        assertThat(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}").content()).isEqualTo("Hel");
        assertThat(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}").content()).isEmpty();
        assertThat(chunk("{\"choices\":[],\"usage\":{\"total_tokens\":3}}").content()).isEmpty();
        assertThat(chunk("{\"choices\":[{\"index\":0}]}").content()).isEmpty();
    }

    @Test
    void completionContentIsTheFirstMessagesContentOrNull() {
        ChatCompletion text = Json.read(("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hi\"}}]}").getBytes(StandardCharsets.UTF_8), ChatCompletion.class);
        ChatCompletion tools = Json.read(("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"tool_calls\":[]}}]}").getBytes(StandardCharsets.UTF_8), ChatCompletion.class);
        ChatCompletion none = Json.read("{\"choices\":[]}".getBytes(StandardCharsets.UTF_8), ChatCompletion.class);

        assertThat(text.content()).isEqualTo("Hi");
        assertThat(tools.content()).isNull();
        assertThat(none.content()).isNull();
    }
}
