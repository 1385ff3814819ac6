package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Content parts on every role, and the document part, as Groq's request schema has them. */
class MessagePartsTest {
    @Test
    void everyRoleTakesPartsAndADocumentPartIsSentAsTheSpecSays() {
        JsonValue order = JsonValue.parse("{\"order\":42,\"status\":\"shipped\"}");
        List<Message> messages = List.of(
                Message.system(ContentPart.text("Be brief."), ContentPart.text("Answer in French.")),
                Message.user(ContentPart.text("Where is my order?"), ContentPart.document(order, "order-42")),
                Message.assistant(List.of(ContentPart.text("Let me look."))),
                Message.tool("call_1", List.of(ContentPart.document(order), ContentPart.imageUrl("https://x/a.png"))));

        assertThat(JsonValue.parse(Json.writeString(messages))).isEqualTo(JsonValue.parse("["
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Be brief.\"},"
                + "{\"type\":\"text\",\"text\":\"Answer in French.\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Where is my order?\"},"
                + "{\"type\":\"document\",\"document\":{\"data\":{\"order\":42,\"status\":\"shipped\"},\"id\":\"order-42\"}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Let me look.\"}]},"
                + "{\"role\":\"tool\",\"content\":[{\"type\":\"document\",\"document\":{\"data\":{\"order\":42,"
                + "\"status\":\"shipped\"}}},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/a.png\"}}],"
                + "\"tool_call_id\":\"call_1\"}]"));
        ContentPart doc = messages.get(1).contentParts().get(1);
        assertThat(doc.type()).isEqualTo("document");
        assertThat(doc.documentData()).isEqualTo(order);
        assertThat(doc.documentId()).isEqualTo("order-42");
        assertThat(doc).isEqualTo(ContentPart.document(order, "order-42")).isNotEqualTo(ContentPart.document(order));
    }

    @Test
    void systemAndAssistantTakeTextPartsOnlyAndADocumentIsAnObject() {
        assertThatThrownBy(() -> Message.system(ContentPart.text("a"), ContentPart.imageUrl("https://x/a.png")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("content[1]: this role takes text");
        assertThatThrownBy(() -> Message.assistant(List.of(ContentPart.document(JsonValue.parse("{}")))))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("content[0]:");
        assertThatThrownBy(() -> ContentPart.document(JsonValue.parse("[1]")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("document.data:");
        assertThatThrownBy(() -> Message.tool("c", List.of()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("content:");
    }
}
