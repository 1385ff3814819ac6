package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.Description;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseFormat;
import dev.groqj.chat.StructuredCompletion;
import dev.groqj.error.RefusalException;
import dev.groqj.error.StructuredOutputException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed answers over a real socket: the schema sent, the instance the fake's model writes, the value read. */
@ExtendWith(FakeGroqServerExtension.class)
class StructuredOutputsEndToEndTest {
    enum Sky { CLEAR, CLOUDY, RAIN }

    @Description("Today's weather in one city")
    record Weather(@Description("City name") String city, double celsius, int humidity, boolean windy, Sky sky,
                   List<String> warnings, Set<Long> stationIds, String[] notes, Optional<String> comment,
                   Wind wind, Optional<Wind> gust) { }

    record Wind(double speed, String direction) { }

    record Node(String name, List<Node> children) { }

    record Counts(Map<String, Integer> byWord) { }

    record Loose(String name, List<JsonValue> extras) { }

    private final FakeGroqServer server;
    private final GroqClient client;

    StructuredOutputsEndToEndTest(FakeGroqServer server) {
        this.server = server;
        this.client = GroqClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).maxRetries(0).build();
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().model("openai/gpt-oss-20b").addMessage(Message.user(text)).build();
    }

    @Test
    void aRecordBecomesAStrictSchemaAndTheAnswerParsesIntoIt() {
        StructuredCompletion<Weather> answer = client.chat().create(ask("Paris"), Weather.class);

        Weather w = answer.value();
        assertThat(w.city()).isEqualTo("Paris");
        assertThat(w.sky()).isEqualTo(Sky.CLEAR);
        assertThat(w.wind().direction()).isEqualTo("Paris");
        assertThat(w.comment()).hasValue("Paris");
        assertThat(w.notes()).containsExactly("Paris");
        assertThat(answer.completion().content()).startsWith("{\"city\":\"Paris\"");

        JsonValue format = server.takeRequest().json().get("response_format");
        assertThat(format.get("type").asString()).isEqualTo("json_schema");
        JsonValue jsonSchema = format.get("json_schema");
        assertThat(jsonSchema.get("name").asString()).isEqualTo("Weather");
        assertThat(jsonSchema.get("description").asString()).isEqualTo("Today's weather in one city");
        assertThat(jsonSchema.get("strict").asBoolean()).isTrue();
        JsonValue schema = jsonSchema.get("schema");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("required").asList()).extracting(JsonValue::asString).containsExactly(
                "city", "celsius", "humidity", "windy", "sky", "warnings", "stationIds", "notes", "comment",
                "wind", "gust");
        JsonValue properties = schema.get("properties");
        assertThat(properties.get("city").get("description").asString()).isEqualTo("City name");
        assertThat(properties.get("humidity").get("type").asString()).isEqualTo("integer");
        assertThat(properties.get("sky").get("enum").toJson()).isEqualTo("[\"CLEAR\",\"CLOUDY\",\"RAIN\"]");
        assertThat(properties.get("comment").get("type").toJson()).isEqualTo("[\"string\",\"null\"]");
        assertThat(properties.get("wind").get("additionalProperties").asBoolean()).isFalse();
        assertThat(properties.get("wind").get("required").asList()).hasSize(2);
        assertThat(properties.get("stationIds").get("items").get("type").asString()).isEqualTo("integer");
    }

    @Test
    void asyncFormGivesTheSameValue() {
        Weather w = client.async().chat().create(ask("Oslo"), Weather.class).join().value();
        assertThat(w.city()).isEqualTo("Oslo");
    }

    @Test
    void aResponseFormatTheRequestSetsIsKept() {
        ChatRequest jsonMode = ask("Rome").toBuilder().responseFormat(ResponseFormat.jsonObject()).build();
        record Answer(String answer) { }

        assertThat(client.chat().create(jsonMode, Answer.class).value().answer()).isEqualTo("You said: Rome");
        assertThat(server.takeRequest().json().get("response_format").toJson())
                .isEqualTo("{\"type\":\"json_object\"}");
    }

    @Test
    void anAnswerThatDoesNotParseKeepsTheRawContentAndTheReason() {
        server.enqueue(ScriptedResponse.json(200, completion("{\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{\\\"city\\\": 12\"},\"finish_reason\":\"stop\"}")));

        assertThatThrownBy(() -> client.chat().create(ask("Paris"), Wind.class))
                .isInstanceOfSatisfying(StructuredOutputException.class, e -> {
                    assertThat(e.rawContent()).isEqualTo("{\"city\": 12");
                    assertThat(e.reason()).isNotBlank();
                    assertThat(e.targetType()).endsWith("Wind");
                });
    }

    @Test
    void anAnswerCutOffByTheTokenLimitSaysSo() {
        assertThatThrownBy(() -> client.chat().create(ask("Paris").toBuilder().maxCompletionTokens(2).build(),
                Weather.class))
                .isInstanceOfSatisfying(StructuredOutputException.class,
                        e -> assertThat(e.reason()).contains("finish_reason=length"));
    }

    @Test
    void aRefusalIsReportedAsARefusal() {
        server.enqueue(ScriptedResponse.json(200, completion("{\"message\":{\"role\":\"assistant\","
                + "\"content\":null,\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}")));

        assertThatThrownBy(() -> client.chat().create(ask("Paris"), Weather.class))
                .isInstanceOfSatisfying(RefusalException.class,
                        e -> assertThat(e.refusal()).isEqualTo("I can't help with that."));
    }

    @Test
    void typesAStrictSchemaCannotExpressFailBeforeSending() {
        assertThatThrownBy(() -> client.chat().create(ask("x"), Counts.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.param()).isEqualTo("response_format.json_schema.schema");
                    assertThat(e.getMessage()).contains("Map");
                });
        assertThatThrownBy(() -> client.chat().create(ask("x"), Node.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> client.chat().create(ask("x"), Loose.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("free-form JSON");
        assertThatThrownBy(() -> client.chat().create(ask("x"), String.class))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not an object type");
        assertThat(server.requestCount()).isZero();
    }

    static String completion(String choice) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"openai/gpt-oss-20b\","
                + "\"choices\":[" + choice.replaceFirst("^\\{", "{\"index\":0,") + "]}";
    }
}
