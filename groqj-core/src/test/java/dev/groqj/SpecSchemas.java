package dev.groqj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A schema of Groq's OpenAPI spec as a validator. The spec is OpenAPI 3.0: its schemas are validated as JSON
 * Schema draft 4 with {@code nullable} understood, and its {@code #/components/schemas/...} references resolved
 * within the spec.
 */
public final class SpecSchemas {
    private SpecSchemas() {
    }

    public static JsonSchema load(String name) throws IOException {
        JsonNode spec = new YAMLMapper().readTree(Fixtures.path("openapi/groqcloud-openapi.yaml").toFile());
        JsonNode schemas = spec.path("components").path("schemas");
        // the schema as the root document, with the spec's components beside it for $ref
        ObjectNode root = schemas.path(name).deepCopy();
        root.putObject("components").set("schemas", schemas);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true)
                .formatAssertionsEnabled(true)
                .build();
        // OpenAPI's own keywords annotate, they do not validate ("discriminator" stays unknown: declaring it
        // switches the validator to its discriminator mode, which the oneOf of messages does not need)
        JsonMetaSchema openApi = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keywords(Stream.of("example", "deprecated", "components", "x-stainless-const",
                        "x-groq-meta").map(NonValidationKeyword::new).collect(Collectors.toList()))
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                .metaSchema(openApi)
                .build()
                .getSchema(root, config);
    }
}
