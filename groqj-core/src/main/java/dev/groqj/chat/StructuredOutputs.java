package dev.groqj.chat;

import dev.groqj.JsonValue;
import dev.groqj.error.RefusalException;
import dev.groqj.error.StructuredOutputException;
import dev.groqj.internal.schema.TypeSchemas;
import dev.groqj.internal.schema.TypedJson;

import java.util.Objects;

/** How a typed request is sent and its answer read; shared by the blocking and async services. */
final class StructuredOutputs {
    private StructuredOutputs() {
    }

    /** The request with a strict {@code json_schema} of {@code type}, unless it already says what form to answer in. */
    static ChatRequest request(ChatRequest request, Class<?> type) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(type, "type == null");
        if (request.responseFormat() != null) return request;
        return request.toBuilder().responseFormat(format(type)).build();
    }

    /** The strict response format for {@code type}: named after it, described by its {@link Description}. */
    static ResponseFormat format(Class<?> type) {
        JsonValue schema = TypeSchemas.of(type, "response_format.json_schema.schema");
        return ResponseFormat.jsonSchema(TypeSchemas.name(type), TypeSchemas.description(type), schema, true);
    }

    static <T> StructuredCompletion<T> parse(ChatCompletion completion, Class<T> type) {
        if (completion.choices().isEmpty()) {
            throw new StructuredOutputException(type.getName(), null, "the completion has no choices");
        }
        ResponseMessage message = completion.choices().get(0).message();
        if (message != null) {
            JsonValue refusal = message.additionalProperties().get("refusal");
            if (refusal != null && refusal.isString()) throw new RefusalException(refusal.asString());
        }
        String content = message == null ? null : message.content();
        if (FinishReason.LENGTH.equals(completion.choices().get(0).finishReason())) {
            throw new StructuredOutputException(type.getName(), content,
                    "the answer was cut off by the token limit (finish_reason=length)");
        }
        return new StructuredCompletion<>(read(content, type), completion);
    }

    /** JSON text as a {@code T}, or a StructuredOutputException with the text and the reason. */
    static <T> T read(String json, Class<T> type) {
        return TypedJson.answer(json, type);
    }
}
