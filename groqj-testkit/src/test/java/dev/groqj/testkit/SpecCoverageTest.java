package dev.groqj.testkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groqj.GroqClient;
import dev.groqj.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of Groq's OpenAPI description groqj covers, measured: every operation of the spec must have an
 * {@code Operation} constant in a core service (found by reflection, matched by method and path), every request
 * property a builder method of the same (camel-case) name, every response property a record component of the same
 * JSON name whose type is not free-form JSON. The figures are printed; what is not covered must be exactly the lists
 * below, each with its reason, so a gap can neither appear nor close unnoticed.
 */
class SpecCoverageTest {
    /** Spec operations groqj has no operation for, with why. */
    private static final Map<String, String> OPERATIONS_NOT_YET = Map.of();

    /**
     * Request properties without a typed setter, with why: Groq refuses or ignores them, so a setter would only
     * invite a 400. {@code ChatRequest.Builder.extraBody} still sends any of them.
     */
    private static final Map<String, String> REQUEST_NOT_TYPED = Map.of(
            "CreateChatCompletionRequest.logprobs", "Groq answers 400: logprobs are not supported",
            "CreateChatCompletionRequest.top_logprobs", "Groq answers 400: logprobs are not supported",
            "CreateChatCompletionRequest.logit_bias", "Groq answers 400: logit_bias is not supported",
            "CreateChatCompletionRequest.store", "the spec: \"This parameter is not currently supported\"",
            "CreateChatCompletionRequest.stream", "chosen by calling create() or stream(), not a setter",
            "CreateResponseRequest.stream", "chosen by calling create() or stream(), not a setter");

    /** Request objects typed as flat setters under another name: the property, and the setter that types it. */
    private static final Map<String, String> SETTER_NAMED_OTHERWISE = Map.of(
            "CreateResponseRequest.text", "textFormat",
            "CreateResponseRequest.reasoning", "reasoningEffort");

    /** Response properties without a typed accessor, with why. */
    private static final Map<String, String> RESPONSE_NOT_TYPED = Map.of(
            "ListBatchesResponse.object", "always \"list\"; a list is read into a Page",
            "ListFilesResponse.object", "always \"list\"; a list is read into a Page",
            "ChatCompletionResponseMessage.function_call", "deprecated for tool_calls, which Groq sends instead;"
                    + " readable in additionalProperties()");

    private static ObjectNode spec;
    private static List<ClientOperation> client;

    /**
     * One {@code static final Operation} of a core service, with the types its declaration names. The class is
     * core's internal, which the testkit's module cannot name at compile time: it is read by reflection.
     */
    private record ClientOperation(String name, String method, String path, boolean atRoot, Type request,
                                   Type response) {
    }

    @BeforeAll
    static void load() throws Exception {
        spec = OpenApiConformanceTest.spec();
        client = operations();
    }

    @Test
    void everyOperationOfTheSpecHasOne() {
        Map<String, String> missing = new TreeMap<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> op : specOperations().entrySet()) {
            total++;
            if (matching(op.getValue()).isEmpty()) missing.put(op.getKey(), op.getValue().get("x-path").asText());
        }
        System.out.printf("groqj: operations covered %d/%d%s%n", total - missing.size(), total,
                missing.isEmpty() ? "" : ", missing " + missing);
        assertThat(total).as("operations in the spec").isEqualTo(23);
        assertThat(missing.keySet()).as("spec operations without a groqj Operation")
                .containsExactlyInAnyOrderElementsOf(OPERATIONS_NOT_YET.keySet());
    }

    @Test
    void everyRequestPropertyHasATypedSetterOrAReason() throws IOException {
        Set<String> untyped = new TreeSet<>();
        Set<String> deprecatedUntyped = new TreeSet<>();
        int typed = 0;
        int total = 0;
        for (JsonNode op : specOperations().values()) {
            JsonNode content = op.path("requestBody").path("content");
            if (content.isEmpty()) continue;
            JsonNode schemaRef = content.elements().next().get("schema");
            String schemaName = schemaRef.has("$ref") ? refName(schemaRef) : op.get("operationId").asText();
            List<ClientOperation> ops = matching(op);
            if (ops.isEmpty()) continue; // not covered: counted by the operations test
            Class<?> builder = builderOf(raw(ops.get(0).request()));
            for (Map.Entry<String, JsonNode> p : properties(schemaRef).entrySet()) {
                String name = p.getKey().replace("[]", "");
                total++;
                String setter = SETTER_NAMED_OTHERWISE.getOrDefault(schemaName + "." + name, camel(name));
                if (hasMethod(builder, setter)) {
                    typed++;
                } else if (p.getValue().path("deprecated").asBoolean(false)) {
                    deprecatedUntyped.add(schemaName + "." + name);
                } else {
                    untyped.add(schemaName + "." + name);
                }
            }
        }
        System.out.printf("groqj: request properties typed %d/%d on the covered operations; deprecated, not typed:"
                + " %s%n", typed, total, deprecatedUntyped);
        assertThat(untyped).as("request properties without a setter").isEqualTo(REQUEST_NOT_TYPED.keySet());
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String deprecated : deprecatedUntyped) {
            String property = deprecated.substring(deprecated.indexOf('.') + 1);
            assertThat(readme).as("README names the deprecated property it does not support")
                    .contains("`" + property + "`");
        }
    }

    @Test
    void everyResponsePropertyHasATypedAccessor() {
        Walk walk = new Walk();
        for (JsonNode op : specOperations().values()) {
            JsonNode schema = op.path("responses").path("200").path("content").path("application/json")
                    .path("schema");
            if (schema.isMissingNode()) continue;
            matching(op).stream().map(ClientOperation::response).filter(t -> raw(t).isRecord()).findFirst()
                    .ifPresent(type -> walk.visit(schema, type, refName(schema)));
        }
        System.out.printf("groqj: response properties typed %d/%d on the covered operations; kept as JSON or"
                + " absent: %s%n", walk.typed, walk.total, walk.untyped);
        assertThat(walk.untyped).as("response properties without a typed accessor")
                .isEqualTo(RESPONSE_NOT_TYPED.keySet());
    }

    /** Walks a response schema beside the record that reads it, each schema once. */
    private static final class Walk {
        final Set<String> seen = new HashSet<>();
        final Set<String> untyped = new TreeSet<>();
        int typed;
        int total;

        void visit(JsonNode schema, Type type, String where) {
            if (!seen.add(where)) return;
            Class<?> cls = raw(type);
            for (Map.Entry<String, JsonNode> p : properties(schema).entrySet()) {
                String name = p.getKey();
                String at = where + "." + name;
                total++;
                Type component = bind(component(cls, name), type);
                if (component == null || isFreeForm(component) && !isFreeFormInTheSpec(p.getValue())) {
                    untyped.add(at);
                    continue;
                }
                typed++;
                JsonNode property = resolve(p.getValue());
                String nested = p.getValue().has("$ref") ? refName(p.getValue()) : at;
                if (!properties(property).isEmpty()) {
                    visitIfRecord(property, component, nested);
                } else if (property.has("items") && !properties(property.get("items")).isEmpty()) {
                    JsonNode items = property.get("items");
                    visitIfRecord(items, elementType(component), items.has("$ref") ? refName(items) : at + "[]");
                }
            }
        }

        private void visitIfRecord(JsonNode schema, Type type, String where) {
            if (type != null && raw(type).isRecord()) visit(schema, type, where);
        }
    }

    // ---- the spec ----

    /** Each operation by its id, with its path under "x-path" and method under "x-method". */
    private static Map<String, JsonNode> specOperations() {
        Map<String, JsonNode> ops = new TreeMap<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (!List.of("get", "post", "delete", "put", "patch").contains(m.getKey())) return;
            ObjectNode op = m.getValue().deepCopy();
            op.put("x-path", path.getKey()).put("x-method", m.getKey().toUpperCase(Locale.ROOT));
            ops.put(op.get("operationId").asText(), op);
        }));
        return ops;
    }

    private static JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) schema = spec.at(schema.get("$ref").asText().substring(1));
        return schema;
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The properties of an object schema, through $ref, allOf, and the object alternatives of oneOf and anyOf. */
    private static Map<String, JsonNode> properties(JsonNode schema) {
        JsonNode s = resolve(schema);
        Map<String, JsonNode> all = new LinkedHashMap<>();
        s.path("properties").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue()));
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : s.path(combinator)) properties(part).forEach(all::putIfAbsent);
        }
        return all;
    }

    // ---- the client ----

    private static List<ClientOperation> matching(JsonNode op) {
        String path = op.get("x-path").asText().replaceAll("\\{[^}]*}", "{}");
        String method = op.get("x-method").asText();
        return client.stream().filter(c -> c.method().equals(method) && (c.atRoot()
                ? path.equals(c.path()) : path.equals("/openai/v1" + c.path()))).toList();
    }

    /** Every {@code static final Operation} in the core's service classes. */
    private static List<ClientOperation> operations() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path classes = Path.of(GroqClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("groqj-core's classes, as the reactor builds them").isDirectory();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(f -> classes.relativize(f).toString().replace('/', '.'))
                    .filter(n -> n.endsWith("Service.class") && !n.contains("$") && !n.contains(".internal."))
                    .filter(n -> !n.endsWith("RawService.class")) // any path, not an operation of the spec
                    .map(n -> n.substring(0, n.length() - ".class".length())).toList();
        }
        List<ClientOperation> ops = new ArrayList<>();
        Class<?> operation = Class.forName("dev.groqj.internal.Operation");
        for (String name : names) {
            for (Field f : Class.forName(name).getDeclaredFields()) {
                if (f.getType() != operation || !Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                Object op = f.get(null);
                Type[] types = ((ParameterizedType) f.getGenericType()).getActualTypeArguments();
                ops.add(new ClientOperation((String) call(op, "name"), (String) call(op, "method"), template(op),
                        (Boolean) call(op, "atApiRoot"), types[0], types[1]));
            }
        }
        return ops;
    }

    private static Object call(Object op, String method, Object... args) throws ReflectiveOperationException {
        Method m = args.length == 0 ? op.getClass().getMethod(method) : op.getClass().getMethod(method, Object.class);
        return m.invoke(op, args);
    }

    /** The path with its id as {@code {}}: ids are probed with a placeholder, request paths ignore the request. */
    private static String template(Object op) throws ReflectiveOperationException {
        String path;
        try {
            path = (String) call(op, "path", (Object) null);
        } catch (java.lang.reflect.InvocationTargetException needsAnId) {
            path = URLDecoder.decode((String) call(op, "path", "{id}"), StandardCharsets.UTF_8);
        }
        return path.replace("{id}", "{}");
    }

    private static Class<?> builderOf(Class<?> request) {
        try {
            return request.getMethod("builder").getReturnType();
        } catch (NoSuchMethodException e) {
            return request;
        }
    }

    private static boolean hasMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() > 0) return true;
        }
        return false;
    }

    /** The generic type of the record component read from JSON field {@code json}, or null. */
    private static Type component(Class<?> record, String json) {
        if (!record.isRecord()) return null;
        for (RecordComponent rc : record.getRecordComponents()) {
            JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
            String wire = p != null && !p.value().isEmpty() ? p.value() : rc.getName();
            if (wire.equals(json)) return rc.getGenericType();
        }
        return null;
    }

    /** Free-form JSON is reachable but not typed: JsonValue, Object, and lists or maps of them. */
    private static boolean isFreeForm(Type type) {
        Class<?> cls = raw(type);
        if (cls == JsonValue.class || cls == Object.class) return true;
        if (Collection.class.isAssignableFrom(cls) || Map.class.isAssignableFrom(cls)) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            return isFreeForm(args[args.length - 1]);
        }
        return false;
    }

    /** {@code type} with the type variables of {@code owner}'s class bound: {@code List<T>} of a Chunk<Batch>. */
    private static Type bind(Type type, Type owner) {
        if (type == null || !(owner instanceof ParameterizedType o)) return type;
        java.lang.reflect.TypeVariable<?>[] vars = raw(owner).getTypeParameters();
        if (type instanceof java.lang.reflect.TypeVariable<?> v) {
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(v.getName())) return o.getActualTypeArguments()[i];
            }
            return type;
        }
        if (!(type instanceof ParameterizedType p)) return type;
        Type[] args = p.getActualTypeArguments().clone();
        for (int i = 0; i < args.length; i++) args[i] = bind(args[i], owner);
        return new Bound(p.getRawType(), args);
    }

    private record Bound(Type getRawType, Type[] getActualTypeArguments) implements ParameterizedType {
        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    /** A property the spec leaves open (no type, or an object of any fields): free-form JSON is its true type. */
    private static boolean isFreeFormInTheSpec(JsonNode property) {
        JsonNode s = resolve(property);
        return properties(s).isEmpty() && !s.has("items") && (!s.has("type") || s.get("type").asText().equals("object"));
    }

    private static Type elementType(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (type instanceof java.lang.reflect.TypeVariable<?> v) return raw(v.getBounds()[0]);
        if (type instanceof java.lang.reflect.WildcardType w) return raw(w.getUpperBounds()[0]);
        return type instanceof Class<?> c ? c : Object[].class;
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (Iterator<Integer> it = snake.chars().iterator(); it.hasNext(); ) {
            char c = (char) (int) it.next();
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
