package dev.groqj.responses;

import dev.groqj.JsonValue;
import dev.groqj.error.RefusalException;
import dev.groqj.error.StructuredOutputException;
import dev.groqj.internal.schema.TypeSchemas;
import dev.groqj.internal.schema.TypedJson;

import java.util.Objects;

/** How a typed response is asked for ({@code text.format}) and read; shared by the blocking and async services. */
final class TypedResponses {
    private TypedResponses() {
    }

    /** The request with a strict {@code json_schema} of {@code type}, unless it already sets {@code text.format}. */
    static ResponseRequest request(ResponseRequest request, Class<?> type) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(type, "type == null");
        if (request.textFormat() != null) return request;
        JsonValue schema = TypeSchemas.of(type, "text.format.schema");
        return request.toBuilder().textFormat(TextFormat.jsonSchema(TypeSchemas.name(type),
                TypeSchemas.description(type), schema, true)).build();
    }

    /**
     * The output text as a {@code T}. A {@code refusal} content part (OpenAI's form; Groq's spec lists only
     * {@code output_text}) is a refusal; an incomplete response is a cut-off answer, not a parse error.
     */
    static <T> StructuredResponse<T> parse(Response response, Class<T> type) {
        for (ResponseOutputItem item : response.output()) {
            if (!(item instanceof ResponseOutputItem.Message message)) continue;
            for (ResponseOutputItem.OutputContent part : message.content()) {
                JsonValue refusal = part.additionalProperties().get("refusal");
                if ("refusal".equals(part.type()) && refusal != null && refusal.isString()) {
                    throw new RefusalException(refusal.asString());
                }
            }
        }
        String text = response.outputText();
        if (Response.INCOMPLETE.equals(response.status())) {
            String reason = response.incompleteDetails() == null ? null : response.incompleteDetails().reason();
            throw new StructuredOutputException(type.getName(), text, "the response is incomplete"
                    + (reason == null ? "" : " (" + reason + ")") + ": the answer was cut off");
        }
        if (Response.FAILED.equals(response.status())) {
            Response.Error error = response.error();
            throw new StructuredOutputException(type.getName(), text, "the response failed"
                    + (error == null ? "" : ": " + error.code() + " " + error.message()));
        }
        return new StructuredResponse<>(TypedJson.answer(text, type), response);
    }
}
