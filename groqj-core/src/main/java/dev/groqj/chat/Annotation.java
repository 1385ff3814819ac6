package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;

import java.util.Map;

/**
 * A citation in a message's content: a span that cites a request document or a tool call's result.
 *
 * <pre>{@code
 * for (Annotation a : message.annotations()) {
 *     if (a.documentCitation() != null) a.documentCitation().documentId();
 * }
 * }</pre>
 */
public record Annotation(
        /* document_citation or function_citation */
        String type,
        @JsonProperty("document_citation") Citation documentCitation,
        @JsonProperty("function_citation") Citation functionCitation,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public Annotation {
        additionalProperties = Values.unknown(additionalProperties);
    }

    /**
     * The cited span {@code [startIndex, endIndex)} of the content, and what it cites: {@code documentId} for a
     * document citation, {@code toolCallId} for a function citation.
     */
    public record Citation(
            @JsonProperty("start_index") int startIndex,
            @JsonProperty("end_index") int endIndex,
            @JsonProperty("document_id") String documentId,
            @JsonProperty("tool_call_id") String toolCallId,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Citation {
            additionalProperties = Values.unknown(additionalProperties);
        }
    }
}
