package dev.groqj.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.groqj.JsonValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoder written against Jackson's parser for one hot response record: its fields are read in one pass with
 * a switch on the name, so no bean introspection runs on the first call and no property lookups on each one.
 * Scalars in the usual form are read here; any other form (a number sent as a string, say) goes to Jackson's own
 * deserializer for that type, so coercions and errors stay what data binding gives. Not API.
 *
 * @param <T> the record read
 */
abstract class FieldReader<T> extends StdDeserializer<T> implements ElementReader<T> {

    FieldReader(Class<T> type) {
        super(type);
    }

    @Override
    public final T deserialize(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            p.nextToken();
        } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
            @SuppressWarnings("unchecked")
            T unexpected = (T) c.handleUnexpectedToken(handledType(), p);
            return unexpected;
        }
        return read(p, c);
    }

    /**
     * Reads the fields, from the parser at the first field name (or the object's end) to the object's end:
     * {@code for (String name = firstField(p); name != null; name = nextField(p))}, each value read by a helper
     * below while its first token is current.
     */
    abstract T read(JsonParser p, DeserializationContext c) throws IOException;

    /** The name of the current field with its value token made current, or null at the object's end. */
    static String firstField(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.FIELD_NAME) return null;
        String name = p.currentName();
        p.nextToken();
        return name;
    }

    /** Like {@link #firstField}, for every later field. */
    static String nextField(JsonParser p) throws IOException {
        String name = p.nextFieldName();
        if (name != null) p.nextToken();
        return name;
    }

    static String text(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) return p.getText();
        if (token == JsonToken.VALUE_NULL) return null;
        return c.readValue(p, String.class);
    }

    /**
     * The fields every chunk of a stream repeats (id, object, model, fingerprint): the string read for the same
     * field last time on this thread when the text is the same, so a stream makes each of them once.
     */
    private static final ThreadLocal<String[]> RECENT = ThreadLocal.withInitial(() -> new String[Repeated.COUNT]);

    /** The fields {@link #repeatedText} keeps one string for. */
    static final class Repeated {
        static final int ID = 0, OBJECT = 1, MODEL = 2, FINGERPRINT = 3, COUNT = 4;

        private Repeated() {
        }
    }

    /** This thread's last string of each {@link Repeated} field, for {@link #repeatedText}: fetched once a chunk. */
    static String[] recentStrings() {
        return RECENT.get();
    }

    /**
     * {@link #text}, reusing {@code recent[slot]} (slot one of {@link Repeated}, {@code recent} from
     * {@link #recentStrings()}) when its text is the same.
     */
    static String repeatedText(JsonParser p, DeserializationContext c, String[] recent, int slot) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) return text(p, c);
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        String last = recent[slot];
        if (last != null && last.length() == length) {
            int i = 0;
            while (i < length && last.charAt(i) == chars[offset + i]) i++;
            if (i == length) return last;
        }
        String read = new String(chars, offset, length);
        recent[slot] = read;
        return read;
    }

    static long longValue(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) return 0;
        return c.readValue(p, long.class);
    }

    static int intValue(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (token == JsonToken.VALUE_NULL) return 0;
        return c.readValue(p, int.class);
    }

    static double doubleValue(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) return p.getDoubleValue();
        if (token == JsonToken.VALUE_NULL) return 0;
        return c.readValue(p, double.class);
    }

    /** A nullable object field read by Jackson's deserializer for {@code type} (the rare, nested shapes). */
    static <V> V bound(JsonParser p, DeserializationContext c, Class<V> type) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : c.readValue(p, type);
    }

    /** A nullable object field read by one of these readers. */
    static <V> V object(JsonParser p, DeserializationContext c, FieldReader<V> reader) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : reader.deserialize(p, c);
    }

    /** A JSON value field: null when sent as null, which the records report as absent anyway. */
    static JsonValue value(JsonParser p, DeserializationContext c) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : c.readValue(p, JsonValue.class);
    }

    /** A nullable array of objects read by {@code reader}; a null element stays null, as in data binding. */
    static <V> List<V> list(JsonParser p, DeserializationContext c, FieldReader<V> reader) throws IOException {
        return elements(p, c, reader);
    }

    /** A nullable array of objects read by Jackson's deserializer for {@code type}. */
    static <V> List<V> boundList(JsonParser p, DeserializationContext c, Class<V> type) throws IOException {
        return elements(p, c, (parser, context) -> context.readValue(parser, type));
    }

    private static <V> List<V> elements(JsonParser p, DeserializationContext c, ElementReader<V> element)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) return null;
        if (token != JsonToken.START_ARRAY) {
            @SuppressWarnings("unchecked")
            List<V> unexpected = (List<V>) c.handleUnexpectedToken(List.class, p);
            return unexpected;
        }
        List<V> items = new ArrayList<>(2);
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(token == JsonToken.VALUE_NULL ? null : element.deserialize(p, c));
        }
        return items;
    }

    /** Adds a field the record has no component for, as its JSON, a sent null kept as {@link JsonValue#NULL}. */
    static Map<String, JsonValue> unknown(Map<String, JsonValue> unknown, String name, JsonParser p,
                                          DeserializationContext c) throws IOException {
        Map<String, JsonValue> fields = unknown == null ? new LinkedHashMap<>() : unknown;
        fields.put(name, p.currentToken() == JsonToken.VALUE_NULL ? JsonValue.NULL : c.readValue(p, JsonValue.class));
        return fields;
    }
}
