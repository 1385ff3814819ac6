package dev.groqj;

import dev.groqj.JsonValue.Kind;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonValueTest {

    @Test
    void parsedJsonPrintsBackCompactly() {
        JsonValue value = JsonValue.parse(" { \"a\" : [ 1, 2.50, -3, true, false, null, \"x\" ],\n \"b\" : { } } ");

        assertThat(value.toJson()).isEqualTo("{\"a\":[1,2.50,-3,true,false,null,\"x\"],\"b\":{}}");
        assertThat(value.toString()).isEqualTo(value.toJson());
        assertThat(value.kind()).isEqualTo(Kind.OBJECT);
    }

    @Test
    void unicodeAndEscapesRoundTrip() {
        JsonValue value = JsonValue.parse("\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\\t\\u0001 \u2028 日本\"");

        assertThat(value.asString()).isEqualTo("café 😀 \"q\" \\ / \n\t\u0001 \u2028 日本");
        assertThat(value.toJson()).isEqualTo("\"café 😀 \\\"q\\\" \\\\ / \\n\\t\\u0001 \u2028 日本\"");
        assertThat(JsonValue.parse(value.toJson())).isEqualTo(value);
        assertThat(JsonValue.string("é\u0000").toJson()).isEqualTo("\"é\\u0000\"");
    }

    @Test
    void numbersKeepTheirExactValue() {
        String json = "[9223372036854775807,123456789012345678901234567890,-0.1000000000000000055511151231257827,"
                + "1.50,6.02E+23]";
        JsonValue value = JsonValue.parse(json);

        assertThat(value.toJson()).isEqualTo(json);
        assertThat(value.get(0).asNumber()).isEqualTo(Long.MAX_VALUE);
        assertThat(value.get(1).asNumber()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(value.get(2).asNumber()).isEqualTo(new BigDecimal("-0.1000000000000000055511151231257827"));
        assertThat(value.get(3).asNumber()).isEqualTo(new BigDecimal("1.50"));
        assertThat(JsonValue.parse("1e2").toJson()).as("value kept, spelling normalized").isEqualTo("1E+2");
    }

    @Test
    void nestedValuesRoundTripKeepingFieldOrder() {
        String json = "{\"z\":1,\"a\":{\"y\":[[],[{}],{\"k\":[null,\"v\"]}],\"b\":false},\"m\":\"\"}";
        JsonValue value = JsonValue.parse(json);

        assertThat(value.toJson()).isEqualTo(json);
        assertThat(value.asMap().keySet()).containsExactly("z", "a", "m");
        assertThat(value.get("a").get("y").get(2).get("k").get(1).asString()).isEqualTo("v");
        assertThat(JsonValue.parse(value.toJson())).isEqualTo(value);
    }

    @Test
    void ofBuildsFromPlainJavaAndToJavaReadsBack() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "object");
        fields.put("n", null);
        fields.put("ints", new int[] {1, 2});
        fields.put("list", List.of(3L, 0.1f, 2.5d, BigInteger.TEN, true, JsonValue.parse("{\"x\":[]}")));
        fields.put("strings", new String[] {"a"});

        JsonValue value = JsonValue.of(fields);

        assertThat(value.toJson()).isEqualTo(
                "{\"type\":\"object\",\"n\":null,\"ints\":[1,2],\"list\":[3,0.1,2.5,10,true,{\"x\":[]}],\"strings\":[\"a\"]}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "object");
        expected.put("n", null);
        expected.put("ints", List.of(1L, 2L));
        expected.put("list", List.of(3L, new BigDecimal("0.1"), new BigDecimal("2.5"), 10L, true, Map.of("x", List.of())));
        expected.put("strings", List.of("a"));
        assertThat(value.toJava()).isEqualTo(expected);
        assertThat(JsonValue.of(value)).isSameAs(value);
        assertThat(JsonValue.of(null)).isSameAs(JsonValue.NULL);
    }

    @Test
    void factoriesBuildEachKind() {
        assertThat(JsonValue.object(Map.of("a", 1)).toJson()).isEqualTo("{\"a\":1}");
        assertThat(JsonValue.array(List.of("a", 1)).toJson()).isEqualTo("[\"a\",1]");
        assertThat(JsonValue.string("s").isString()).isTrue();
        assertThat(JsonValue.number(new BigDecimal("1.0")).toJson()).isEqualTo("1.0");
        assertThat(JsonValue.bool(true).asBoolean()).isTrue();
        assertThat(JsonValue.NULL.toJson()).isEqualTo("null");
        assertThat(JsonValue.NULL.isNull()).isTrue();
        assertThat(JsonValue.NULL.toJava()).isNull();
    }

    @Test
    void changingWhatWasPassedToOfChangesNothing() {
        List<Object> inner = new ArrayList<>(List.of(1));
        Map<String, Object> fields = new HashMap<>(Map.of("list", inner));
        String[] array = {"a"};
        JsonValue fromMap = JsonValue.of(fields);
        JsonValue fromArray = JsonValue.of(array);

        fields.put("added", true);
        inner.add(2);
        array[0] = "b";

        assertThat(fromMap.toJson()).isEqualTo("{\"list\":[1]}");
        assertThat(fromArray.toJson()).isEqualTo("[\"a\"]");
    }

    @Test
    void returnedMapsAndListsAreUnmodifiable() {
        JsonValue value = JsonValue.parse("{\"a\":[1,{\"b\":2}]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> java = (Map<String, Object>) value.toJava();

        assertThatThrownBy(() -> value.asMap().put("c", JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> value.get("a").asList().add(JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> java.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) java.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(value.toJson()).isEqualTo("{\"a\":[1,{\"b\":2}]}");
    }

    @Test
    void equalNumbersAreEqualWhateverTheirSpelling() {
        JsonValue one = JsonValue.parse("1");

        for (JsonValue same : List.of(JsonValue.parse("1.0"), JsonValue.parse("1e0"), JsonValue.parse("0.1E1"),
                JsonValue.of(1), JsonValue.of(1.0), JsonValue.of(BigInteger.ONE), JsonValue.of(new BigDecimal("1.000")))) {
            assertThat(same).isEqualTo(one).hasSameHashCodeAs(one);
        }
        assertThat(JsonValue.parse("100")).isEqualTo(JsonValue.parse("1E+2")).hasSameHashCodeAs(JsonValue.parse("1E+2"));
        assertThat(one).isNotEqualTo(JsonValue.parse("1.0000000000000000000001")).isNotEqualTo(JsonValue.string("1"));
    }

    @Test
    void objectsAreEqualInAnyFieldOrderArraysOnlyInTheirOwn() {
        assertThat(JsonValue.parse("{\"a\":1,\"b\":[1,2]}")).isEqualTo(JsonValue.parse("{\"b\":[1,2.0],\"a\":1}"))
                .hasSameHashCodeAs(JsonValue.parse("{\"b\":[1,2.0],\"a\":1}"));
        assertThat(JsonValue.parse("[1,2]")).isNotEqualTo(JsonValue.parse("[2,1]"));
        assertThat(JsonValue.NULL).isNotEqualTo(JsonValue.MISSING).isNotEqualTo(JsonValue.parse("{}"));
        assertThat(JsonValue.bool(false)).isEqualTo(JsonValue.parse("false"));
    }

    @Test
    void lookupsChainThroughMissing() {
        JsonValue value = JsonValue.parse("{\"a\":{\"b\":[\"x\"]},\"n\":null}");

        assertThat(value.get("a").get("b").get(0).asString()).isEqualTo("x");
        assertThat(value.get("nope").get("deeper").get(3).isMissing()).isTrue();
        assertThat(value.get("a").get("b").get(1)).isSameAs(JsonValue.MISSING);
        assertThat(value.get("a").get("b").get(-1)).isSameAs(JsonValue.MISSING);
        assertThat(value.get(0)).as("index into an object").isSameAs(JsonValue.MISSING);
        assertThat(value.get("n").isNull()).isTrue();
        assertThat(value.get("n").isMissing()).isFalse();
        assertThat(JsonValue.MISSING.toString()).isEqualTo("MISSING");
        assertThatThrownBy(() -> value.get("nope").asString())
                .isInstanceOf(IllegalStateException.class).hasMessage("expected a JSON string, was value that is MISSING");
        assertThatThrownBy(JsonValue.MISSING::toJson)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MISSING has no JSON form");
    }

    @Test
    void readingAsTheWrongKindSaysWhatItWas() {
        JsonValue number = JsonValue.parse("2.5");

        assertThatThrownBy(number::asString).isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a JSON string, was number");
        assertThatThrownBy(number::asMap).hasMessage("expected a JSON object, was number");
        assertThatThrownBy(number::asLong).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(JsonValue.parse("3000000000")::asInt).isInstanceOf(ArithmeticException.class);
        assertThat(JsonValue.parse("2.0").asLong()).isEqualTo(2);
        assertThat(JsonValue.parse("7").asInt()).isEqualTo(7);
        assertThat(number.asDouble()).isEqualTo(2.5);
    }

    @Test
    void badJsonNamesTheParameterAndWhere() {
        assertThatThrownBy(() -> JsonValue.parse("{\"a\":\n tru}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("json"))
                .hasMessageStartingWith("json: is not valid JSON: ")
                .hasMessageContaining("line 2, column")
                .hasNoCause();
        assertThatThrownBy(() -> JsonValue.parse("")).isInstanceOf(ValidationException.class).hasMessage("json: is empty");
        assertThatThrownBy(() -> JsonValue.parse("{} {}")).hasMessageContaining("json: is not valid JSON: more after the value");
        assertThatThrownBy(() -> JsonValue.parse("[1,]")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> JsonValue.parse("NaN")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> JsonValue.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("json == null");
    }

    @Test
    void deepNestingFailsAsBadJsonNotStackOverflow() {
        assertThatThrownBy(() -> JsonValue.parse("[".repeat(100_000)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("json: ");
    }

    @Test
    void valuesWithoutJsonFormNameTheParameter() {
        Map<Object, Object> intKey = new HashMap<>(Map.of(1, "x"));

        assertThatThrownBy(() -> JsonValue.of(new Object())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.param()).isEqualTo("value")).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> JsonValue.of(intKey)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("keys must be strings");
        assertThatThrownBy(() -> JsonValue.of(List.of(Double.NaN))).isInstanceOf(ValidationException.class)
                .hasMessage("value: JSON has no NaN");
        assertThatThrownBy(() -> JsonValue.array(List.of(JsonValue.MISSING))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("MISSING");
        assertThatThrownBy(() -> JsonValue.string(null)).isInstanceOf(NullPointerException.class);
    }
}
