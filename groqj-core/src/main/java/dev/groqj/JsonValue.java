package dev.groqj;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Free-form JSON as an immutable value: unknown fields, JSON schemas, tool arguments, raw bodies.
 *
 * <pre>{@code
 * JsonValue args = JsonValue.parse("{\"city\":\"Paris\",\"days\":3}");
 * String city = args.get("city").asString();                 // "Paris"
 * int days = args.get("days").asInt();                        // 3
 * args.get("units").isMissing();                              // true: absent fields read as MISSING
 * JsonValue schema = JsonValue.of(Map.of("type", "object")); // from Maps, Lists, strings, numbers, booleans
 * Object plain = args.toJava();                              // Map {city=Paris, days=3}
 * }</pre>
 *
 * <p>Deeply immutable and thread-safe: {@link #of} copies what it is given, and every map or list it returns is
 * unmodifiable. Objects keep their fields in the order given or parsed.
 *
 * <p>Numbers keep their exact value: integers read as {@link Long} (or {@link BigInteger} beyond a long), all
 * others as {@link BigDecimal}, never as a lossy double. Two values are equal when their JSON is the same up to
 * field order and number spelling: {@code 1}, {@code 1.0} and {@code 1e0} are equal (compared as
 * {@code BigDecimal.compareTo}), {@code {"a":1,"b":2}} equals {@code {"b":2,"a":1}}. {@link #toJson()} keeps a
 * number's value, not always its spelling ({@code 1e2} prints as {@code 1E+2}).
 *
 * <p>{@link #get(String)} never returns null: a field that is not there, or a lookup on something that is not an
 * object, gives {@link #MISSING}, so lookups chain. Reading a value as what it is not ({@code asString()} of a
 * number, or of MISSING) throws {@link IllegalStateException}. MISSING is not JSON: it cannot be put into an
 * object or array, nor written.
 */
public final class JsonValue {
    /** What a value is. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING }

    /** JSON {@code null}. */
    public static final JsonValue NULL = new JsonValue(Kind.NULL, null);
    /** No value: what {@link #get(String)} returns for a field that is not there. */
    public static final JsonValue MISSING = new JsonValue(Kind.MISSING, null);
    private static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, Boolean.TRUE);
    private static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, Boolean.FALSE);

    private final Kind kind;
    /** Map&lt;String, JsonValue&gt; (unmodifiable, ordered), List&lt;JsonValue&gt;, String, Long, BigInteger,
     *  BigDecimal, Boolean, or null. */
    private final Object value;

    private JsonValue(Kind kind, Object value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * Parses JSON text: one value, nothing but whitespace after it.
     *
     * @throws ValidationException naming {@code json} when the text is not valid JSON
     */
    public static JsonValue parse(String json) {
        Objects.requireNonNull(json, "json == null");
        return JsonValues.parse(json);
    }

    /**
     * The JSON form of plain Java: null, {@code Map<String, ?>}, a {@link Collection} or array, {@link String},
     * {@link Number} (the JDK's integer types, {@link BigInteger}, {@link BigDecimal}, finite doubles and floats),
     * {@link Boolean}, or a {@code JsonValue} (returned as is), nested as deep as needed. The input is copied.
     *
     * @throws ValidationException naming {@code value} for anything else: other types, null map keys, NaN,
     *                             {@link #MISSING} inside a map or collection
     */
    public static JsonValue of(Object value) {
        if (value == null) return NULL;
        if (value instanceof JsonValue) return (JsonValue) value;
        if (value instanceof String) return new JsonValue(Kind.STRING, value);
        if (value instanceof Boolean) return bool((Boolean) value);
        if (value instanceof Number) return number((Number) value);
        if (value instanceof Map) return objectOf((Map<?, ?>) value);
        if (value instanceof Collection) return arrayOf((Collection<?>) value);
        if (value.getClass().isArray()) return arrayOf(arrayElements(value));
        throw new ValidationException("value", "cannot be JSON: " + value.getClass().getName()
                + " (use a Map, List, array, String, Number, Boolean or JsonValue)");
    }

    /** A JSON object of the map's entries, in its iteration order; values as for {@link #of}. */
    public static JsonValue object(Map<String, ?> fields) {
        return objectOf(Objects.requireNonNull(fields, "fields == null"));
    }

    private static JsonValue objectOf(Map<?, ?> fields) {
        Map<String, JsonValue> copy = new LinkedHashMap<>(fields.size() * 4 / 3 + 1);
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new ValidationException("value", "object keys must be strings, was " + e.getKey());
            }
            copy.put((String) e.getKey(), element(e.getValue()));
        }
        return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(copy));
    }

    /** A JSON array of the list's elements, in order; elements as for {@link #of}. */
    public static JsonValue array(List<?> elements) {
        return arrayOf(Objects.requireNonNull(elements, "elements == null"));
    }

    private static JsonValue arrayOf(Collection<?> elements) {
        List<JsonValue> copy = new ArrayList<>(elements.size());
        for (Object element : elements) copy.add(element(element));
        return new JsonValue(Kind.ARRAY, Collections.unmodifiableList(copy));
    }

    private static JsonValue element(Object value) {
        JsonValue json = of(value);
        if (json == MISSING) throw new ValidationException("value", "MISSING cannot be put into an object or array");
        return json;
    }

    private static List<Object> arrayElements(Object array) {
        int length = Array.getLength(array);
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) elements.add(Array.get(array, i));
        return elements;
    }

    public static JsonValue string(String value) {
        return new JsonValue(Kind.STRING, Objects.requireNonNull(value, "value == null"));
    }

    /** A JSON number of the same value; see {@link #of} for the accepted types. */
    public static JsonValue number(Number value) {
        Objects.requireNonNull(value, "value == null");
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new JsonValue(Kind.NUMBER, value.longValue());
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return new JsonValue(Kind.NUMBER, big.bitLength() < Long.SIZE ? (Object) big.longValue() : big);
        }
        if (value instanceof BigDecimal) return new JsonValue(Kind.NUMBER, value);
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) throw new ValidationException("value", "JSON has no " + value);
            // Float.toString, not the widened double: 0.1f is written 0.1, not 0.10000000149011612
            return new JsonValue(Kind.NUMBER, new BigDecimal(value.toString()));
        }
        throw new ValidationException("value", "unsupported number type " + value.getClass().getName());
    }

    public static JsonValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    /** Whether this is JSON {@code null} (not {@link #MISSING}). */
    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    /** The field's value; {@link #MISSING} when there is no such field or this is not an object. */
    public JsonValue get(String field) {
        Objects.requireNonNull(field, "field == null");
        return kind == Kind.OBJECT ? asMap().getOrDefault(field, MISSING) : MISSING;
    }

    /** The element at {@code index}; {@link #MISSING} when out of range or this is not an array. */
    public JsonValue get(int index) {
        if (kind != Kind.ARRAY) return MISSING;
        List<JsonValue> list = asList();
        return index >= 0 && index < list.size() ? list.get(index) : MISSING;
    }

    /** The fields of an object, in order; unmodifiable. */
    @SuppressWarnings("unchecked")
    public Map<String, JsonValue> asMap() {
        return (Map<String, JsonValue>) expect(Kind.OBJECT);
    }

    /** The elements of an array; unmodifiable. */
    @SuppressWarnings("unchecked")
    public List<JsonValue> asList() {
        return (List<JsonValue>) expect(Kind.ARRAY);
    }

    public String asString() {
        return (String) expect(Kind.STRING);
    }

    /** The number: a {@link Long}, a {@link BigInteger} beyond a long, or a {@link BigDecimal}. */
    public Number asNumber() {
        return (Number) expect(Kind.NUMBER);
    }

    /**
     * The number as a long.
     *
     * @throws ArithmeticException when it has a fraction or does not fit
     */
    public long asLong() {
        Number number = asNumber();
        return number instanceof Long ? (Long) number : decimal(number).longValueExact();
    }

    /**
     * The number as an int.
     *
     * @throws ArithmeticException when it has a fraction or does not fit
     */
    public int asInt() {
        return Math.toIntExact(asLong());
    }

    /** The number as the nearest double. */
    public double asDouble() {
        return asNumber().doubleValue();
    }

    public boolean asBoolean() {
        return (Boolean) expect(Kind.BOOLEAN);
    }

    private Object expect(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException("expected a JSON " + name(expected) + ", was " + name(kind));
        }
        return value;
    }

    private static String name(Kind kind) {
        return kind == Kind.MISSING ? "value that is MISSING" : kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Plain Java, copied: {@code Map<String, Object>} (ordered), {@code List<Object>}, String, Number (as
     * {@link #asNumber}), Boolean, or null for JSON null and MISSING. Maps and lists are unmodifiable.
     */
    public Object toJava() {
        switch (kind) {
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                asMap().forEach((k, v) -> map.put(k, v.toJava()));
                return Collections.unmodifiableMap(map);
            case ARRAY:
                List<Object> list = new ArrayList<>();
                asList().forEach(v -> list.add(v.toJava()));
                return Collections.unmodifiableList(list);
            default:
                return value;
        }
    }

    /**
     * Compact JSON text.
     *
     * @throws IllegalStateException for {@link #MISSING}, which has none
     */
    public String toJson() {
        return JsonValues.toJson(this);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof JsonValue) || ((JsonValue) o).kind != kind) return false;
        Object other = ((JsonValue) o).value;
        return kind == Kind.NUMBER ? decimal((Number) value).compareTo(decimal((Number) other)) == 0
                : Objects.equals(value, other);
    }

    @Override
    public int hashCode() {
        // equal numbers of different scales (1, 1.0, 1E+0) strip to the same BigDecimal
        return kind == Kind.NUMBER ? decimal((Number) value).stripTrailingZeros().hashCode()
                : 31 * kind.ordinal() + Objects.hashCode(value);
    }

    /** {@link #toJson()}; MISSING prints as {@code MISSING}. */
    @Override
    public String toString() {
        return kind == Kind.MISSING ? "MISSING" : toJson();
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal) return (BigDecimal) number;
        if (number instanceof BigInteger) return new BigDecimal((BigInteger) number);
        return BigDecimal.valueOf(number.longValue());
    }
}
