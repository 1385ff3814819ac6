package dev.groqj.internal.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.groqj.JsonValue;
import dev.groqj.chat.Description;
import dev.groqj.error.ValidationException;
import dev.groqj.internal.JsonValues;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * JSON schemas from Java types in the strict subset Groq (like OpenAI) accepts: every property required,
 * {@code additionalProperties: false} on every object, everything inline, {@code Optional} as nullable. Built on
 * victools' generator with its Jackson module, so property names are the ones Jackson writes and reads. Not API.
 *
 * <p>A type the subset cannot express (a Map with arbitrary keys, a type that contains itself, a root that is not
 * an object) is a {@link ValidationException} naming {@code param}.
 */
public final class TypeSchemas {
    private static final SchemaGenerator GENERATOR = new SchemaGenerator(config().build());
    /** Per class: its schema (a JsonValue), or why there is none (a String). */
    private static final ClassValue<Object> CACHE = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                return generate(type);
            } catch (Unsupported e) {
                return e.getMessage();
            }
        }
    };

    private TypeSchemas() {
    }

    /**
     * The strict schema of {@code type}, a record or class with properties. Computed once per class.
     *
     * @throws ValidationException naming {@code param} when the subset cannot express the type
     */
    public static JsonValue of(Class<?> type, String param) {
        Object schema = CACHE.get(type);
        if (schema instanceof String reason) throw new ValidationException(param, reason);
        return (JsonValue) schema;
    }

    /** A schema name for {@code type}: its simple name in the characters a name allows (1 to 64). */
    public static String name(Class<?> type) {
        String name = type.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
        if (name.isEmpty()) name = "answer";
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** The type's {@link Description}, or null. */
    public static String description(Class<?> type) {
        Description d = type.getAnnotation(Description.class);
        return d == null ? null : d.value();
    }

    private static JsonValue generate(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || type.getName().startsWith("java.")) {
            throw new Unsupported(type.getName()
                    + " is not an object type: use a record or class with properties at the root");
        }
        ObjectNode schema;
        try {
            schema = GENERATOR.generateSchema(type);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            // victools refuses to inline a type that contains itself
            throw new Unsupported(message.contains("circular") ? type.getName() + " contains itself (a cycle),"
                    + " which a strict schema cannot express: " + message
                    : "no JSON schema for " + type.getName() + ": " + message);
        }
        return JsonValues.fromNode(schema);
    }

    private static SchemaGeneratorConfigBuilder config() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                        JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.INLINE_ALL_SCHEMAS,
                        Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS, Option.FLATTENED_OPTIONALS)
                .without(Option.SCHEMA_VERSION_INDICATOR, Option.NONSTATIC_NONVOID_NONGETTER_METHODS,
                        Option.VOID_METHODS, Option.GETTER_METHODS, Option.STATIC_METHODS);
        builder.forFields()
                .withRequiredCheck(field -> true)
                .withNullableCheck(field -> field.getType().isInstanceOf(Optional.class) ? Boolean.TRUE : null)
                .withDescriptionResolver(field -> describe(field))
                .withIgnoreCheck(field -> field.isStatic() || field.isTransient());
        builder.forTypesInGeneral()
                .withPropertySorter((a, b) -> 0) // declaration order, as a reader of the type expects
                .withDescriptionResolver(scope -> {
                    Description d = scope.getType().getErasedType().getAnnotation(Description.class);
                    return d == null ? null : d.value();
                })
                .withCustomDefinitionProvider((type, context) -> {
                    if (type.isInstanceOf(Map.class)) {
                        throw new Unsupported("a Map (" + type.getBriefDescription()
                                + ") has arbitrary keys, which a strict schema cannot express: use a record");
                    }
                    if (type.isInstanceOf(JsonValue.class) || type.getErasedType() == Object.class) {
                        throw new Unsupported("free-form JSON (" + type.getBriefDescription()
                                + ") has no type, which a strict schema needs: use a record");
                    }
                    return null;
                });
        return builder;
    }

    /** Thrown from inside the generator, turned into a ValidationException naming the caller's parameter. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static String describe(FieldScope field) {
        Description d = field.getAnnotationConsideringFieldAndGetter(Description.class);
        return d == null ? null : d.value();
    }
}
