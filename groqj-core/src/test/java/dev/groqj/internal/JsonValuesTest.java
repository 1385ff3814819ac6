package dev.groqj.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.groqj.JsonValue;
import dev.groqj.error.GroqException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonValuesTest {
    record Tool(String name, JsonValue parameters, List<JsonValue> examples,
                @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> unknown) {
    }

    @Test
    void recordWithJsonValueComponentsRoundTripsThroughTheMapper() {
        String json = "{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"minimum\":1.50,"
                + "\"big\":123456789012345678901234567890,\"properties\":{\"city\":{\"type\":\"string\"}}},"
                + "\"examples\":[{\"city\":\"Paris\"},null,3],\"x_new\":{\"n\":0.1000000000000000055511151231257827}}";

        Tool tool = Json.read(json, Tool.class);

        assertThat(tool.parameters().get("properties").get("city").get("type").asString()).isEqualTo("string");
        assertThat(tool.examples()).containsExactly(JsonValue.parse("{\"city\":\"Paris\"}"), JsonValue.NULL, JsonValue.of(3));
        assertThat(tool.unknown()).containsOnlyKeys("x_new");
        assertThat(Json.writeString(tool)).isEqualTo(json);
    }

    @Test
    void jsonNullFieldIsNullValueAndAnAbsentOneStaysAbsent() {
        Tool sentNull = Json.read("{\"name\":\"a\",\"parameters\":null}", Tool.class);
        Tool absent = Json.read("{\"name\":\"a\"}", Tool.class);

        assertThat(sentNull.parameters()).isSameAs(JsonValue.NULL);
        assertThat(Json.writeString(sentNull)).isEqualTo("{\"name\":\"a\",\"parameters\":null}");
        assertThat(absent.parameters()).isNull();
        assertThat(Json.writeString(absent)).isEqualTo("{\"name\":\"a\"}");
    }

    @Test
    void writingMissingFailsInsteadOfInventingJson() {
        Tool tool = new Tool("a", JsonValue.MISSING, List.of(), Map.of());

        assertThatThrownBy(() -> Json.write(tool)).isInstanceOf(GroqException.class)
                .hasMessageContaining("could not encode Tool");
    }

    @Test
    void objectWhoseStartJacksonAlreadyReadIsStillRead() throws Exception {
        try (JsonParser parser = Json.MAPPER.createParser("{\"a\":1,\"b\":[true]}")) {
            parser.nextToken();
            parser.nextToken(); // at FIELD_NAME "a", as after a type-id lookahead

            assertThat(Json.MAPPER.readValue(parser, JsonValue.class)).isEqualTo(JsonValue.parse("{\"a\":1,\"b\":[true]}"));
        }
    }

    @Test
    void jacksonTreesConvertBothWaysKeepingDecimalScale() {
        JsonValue value = JsonValue.parse("{\"a\":[1.50,12345678901234567890,-2,\"s\",false,null],\"b\":{}}");

        JsonNode node = JsonValues.toNode(value);

        assertThat(node.toString()).isEqualTo(value.toJson());
        assertThat(JsonValues.fromNode(node)).isEqualTo(value);
        assertThat(JsonValues.fromNode(node).toJson()).isEqualTo(value.toJson());
        assertThat(JsonValues.fromNode(Json.tree("[0.25]"))).isEqualTo(JsonValue.parse("[0.25]"));
        assertThat(JsonValues.fromNode(MissingNode.getInstance())).isSameAs(JsonValue.MISSING);
        assertThat(JsonValues.toNode(JsonValue.MISSING).isMissingNode()).isTrue();
    }
}
