package dev.groqj.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.groqj.JsonValue;
import dev.groqj.error.ValidationException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jackson side of {@link JsonValue}, so that no Jackson type is in its API: parsing, printing, conversion
 * from and to Jackson trees, and the module that lets {@link Json#MAPPER} read and write JsonValue fields.
 * Not API.
 *
 * <p>Numbers stay exact both ways: integers as long or BigInteger, the rest as BigDecimal read from the text,
 * never through a double.
 */
public final class JsonValues {
    /** Registered on {@link Json#MAPPER}: a JsonValue in a record, list or map is written and read as its JSON. */
    public static final Module MODULE = new SimpleModule("groqj-JsonValue")
            .addSerializer(JsonValue.class, new Serializer())
            .addDeserializer(JsonValue.class, new Deserializer());

    /** Its own factory, not the mapper's: Json's initializer registers MODULE, so this class must not need Json. */
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Exact: the default factory strips trailing zeros, turning 1.50 into 1.5. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    public static JsonValue parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) throw new ValidationException("json", "is empty");
            JsonValue value = read(parser);
            if (parser.nextToken() != null) throw invalid("more after the value", parser.currentLocation());
            return value;
        } catch (JsonProcessingException e) {
            // the message and position only: the Jackson exception stays out of the API
            throw invalid(e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does no I/O
        }
    }

    private static ValidationException invalid(String problem, JsonLocation at) {
        return new ValidationException("json", "is not valid JSON: " + problem
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }

    /** @throws IllegalStateException for MISSING, or past Jackson's nesting limit (which parse has too) */
    public static String toJson(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(value, generator);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage());
        }
        return out.toString();
    }

    /**
     * The JSON that groqj's mapper writes for {@code value} (a Map, a bean, a Jackson tree), read back; a
     * JsonValue is returned as is. Through text, so numbers keep the spelling Jackson gives them (0.1f is 0.1).
     */
    public static JsonValue valueOf(Object value) {
        return value instanceof JsonValue json ? json : parse(Json.writeString(value));
    }

    /** The tree as a JsonValue; a MissingNode is {@link JsonValue#MISSING}. */
    public static JsonValue fromNode(JsonNode node) {
        if (node.isMissingNode()) return JsonValue.MISSING;
        try (JsonParser parser = node.traverse()) {
            parser.nextToken();
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree does no I/O
        }
    }

    /** The value as a Jackson tree, decimals with their scale; MISSING is a MissingNode. */
    public static JsonNode toNode(JsonValue value) {
        switch (value.kind()) {
            case OBJECT:
                ObjectNode object = NODES.objectNode();
                value.asMap().forEach((name, field) -> object.set(name, toNode(field)));
                return object;
            case ARRAY:
                ArrayNode array = NODES.arrayNode();
                value.asList().forEach(element -> array.add(toNode(element)));
                return array;
            case STRING:
                return NODES.textNode(value.asString());
            case NUMBER:
                Number number = value.asNumber();
                if (number instanceof Long) return NODES.numberNode((Long) number);
                if (number instanceof BigInteger) return NODES.numberNode((BigInteger) number);
                return NODES.numberNode((BigDecimal) number);
            case BOOLEAN:
                return NODES.booleanNode(value.asBoolean());
            case NULL:
                return NODES.nullNode();
            default:
                return MissingNode.getInstance();
        }
    }

    /**
     * The value that starts at the parser's current token, read to its end. FIELD_NAME and END_OBJECT start an
     * object whose START_OBJECT Jackson already consumed, as a deserializer must accept.
     */
    private static JsonValue read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                parser.nextToken();
                return readFields(parser);
            case FIELD_NAME:
            case END_OBJECT:
                return readFields(parser);
            case START_ARRAY:
                List<JsonValue> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) elements.add(read(parser));
                return JsonValue.array(elements);
            case VALUE_STRING:
                return JsonValue.string(parser.getText());
            case VALUE_NUMBER_INT:
                return JsonValue.number(parser.getNumberValue());
            case VALUE_NUMBER_FLOAT:
                return JsonValue.number(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return JsonValue.bool(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new JsonParseException(parser, "no JSON value starts with " + token);
        }
    }

    private static JsonValue readFields(JsonParser parser) throws IOException {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        for (; parser.currentToken() == JsonToken.FIELD_NAME; parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, read(parser)); // a repeated name keeps its last value, as in Jackson's trees
        }
        return JsonValue.object(fields);
    }

    private static void write(JsonValue value, JsonGenerator generator) throws IOException {
        switch (value.kind()) {
            case OBJECT:
                generator.writeStartObject();
                for (Map.Entry<String, JsonValue> field : value.asMap().entrySet()) {
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
                break;
            case ARRAY:
                generator.writeStartArray();
                for (JsonValue element : value.asList()) write(element, generator);
                generator.writeEndArray();
                break;
            case STRING:
                generator.writeString(value.asString());
                break;
            case NUMBER:
                Number number = value.asNumber();
                if (number instanceof Long) generator.writeNumber((Long) number);
                else if (number instanceof BigInteger) generator.writeNumber((BigInteger) number);
                else generator.writeNumber((BigDecimal) number);
                break;
            case BOOLEAN:
                generator.writeBoolean(value.asBoolean());
                break;
            case NULL:
                generator.writeNull();
                break;
            default:
                throw new JsonGenerationException("JsonValue.MISSING has no JSON form", generator);
        }
    }

    private static final class Serializer extends StdSerializer<JsonValue> {
        Serializer() {
            super(JsonValue.class);
        }

        @Override
        public void serialize(JsonValue value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            write(value, generator);
        }
    }

    private static final class Deserializer extends StdDeserializer<JsonValue> {
        Deserializer() {
            super(JsonValue.class);
        }

        @Override
        public JsonValue deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser);
        }

        /** A JSON null is {@link JsonValue#NULL}, so that a field sent as null is written back as null. */
        @Override
        public JsonValue getNullValue(DeserializationContext context) {
            return JsonValue.NULL;
        }

        /** An absent field stays Java null (Jackson's default would be getNullValue), so it stays absent. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
