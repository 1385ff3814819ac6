package dev.groqj.responses;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model response ({@code CreateResponseResponse}): the answer to a {@link ResponseRequest}, or one rebuilt
 * from a stream by {@link ResponseStream#accumulate()}.
 *
 * <pre>{@code
 * Response r = client.responses().create(request);
 * r.outputText();                 // the text of every output message, joined
 * r.functionCalls();              // the calls of your function tools to run
 * r.usage().totalTokens();
 * }</pre>
 *
 * <p>Fields are the API's; {@code createdAt} is in Unix seconds; {@code status} is {@code completed},
 * {@code failed}, {@code in_progress} or {@code incomplete} (then {@link #incompleteDetails()} says why). Fields
 * this type does not know, here and in every nested type, are kept in {@code additionalProperties()}.
 */
public record Response(
        String id,
        String object,
        String status,
        @JsonProperty("created_at") long createdAt,
        List<ResponseOutputItem> output,
        @JsonProperty("previous_response_id") String previousResponseId,
        String model,
        Reasoning reasoning,
        @JsonProperty("max_output_tokens") Integer maxOutputTokens,
        String instructions,
        Text text,
        List<ResponseTool> tools,
        @JsonProperty("tool_choice") ResponseToolChoice toolChoice,
        String truncation,
        Map<String, String> metadata,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        String user,
        @JsonProperty("service_tier") String serviceTier,
        Error error,
        @JsonProperty("incomplete_details") IncompleteDetails incompleteDetails,
        ResponseUsage usage,
        @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
        Boolean store,
        Boolean background,
        @JsonProperty("top_logprobs") Integer topLogprobs,
        @JsonProperty("max_tool_calls") Integer maxToolCalls,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String IN_PROGRESS = "in_progress";
    public static final String INCOMPLETE = "incomplete";

    public Response {
        output = UnknownFields.list(output);
        tools = UnknownFields.list(tools);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        additionalProperties = UnknownFields.copyOf(additionalProperties);
    }

    /** The text of every output message, joined; empty when there is none (an answer of function calls). */
    public String outputText() {
        StringBuilder sb = new StringBuilder();
        for (ResponseOutputItem item : output) {
            if (item instanceof ResponseOutputItem.Message message) sb.append(message.text());
        }
        return sb.toString();
    }

    /** The output's calls of your function tools, in order. */
    public List<ResponseOutputItem.FunctionCall> functionCalls() {
        List<ResponseOutputItem.FunctionCall> calls = new ArrayList<>();
        for (ResponseOutputItem item : output) {
            if (item instanceof ResponseOutputItem.FunctionCall call) calls.add(call);
        }
        return List.copyOf(calls);
    }

    /** This response with another output: how a stream that broke off is rebuilt from its items. */
    Response withOutput(List<ResponseOutputItem> output) {
        return new Response(id, object, status, createdAt, output, previousResponseId, model, reasoning,
                maxOutputTokens, instructions, text, tools, toolChoice, truncation, metadata, temperature, topP, user,
                serviceTier, error, incompleteDetails, usage, parallelToolCalls, store, background, topLogprobs,
                maxToolCalls, additionalProperties);
    }

    /** The reasoning settings used: {@code effort} ({@code low}, {@code medium}, {@code high}) and {@code summary}. */
    public record Reasoning(
            String effort,
            String summary,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Reasoning {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** The text settings used: the output {@code format}. */
    public record Text(
            TextFormat format,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Text {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** Why a response failed: {@code code} and {@code message}. */
    public record Error(
            String code,
            String message,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public Error {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }

    /** Why a response is incomplete, such as {@code max_output_tokens}. */
    public record IncompleteDetails(
            String reason,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {
        public IncompleteDetails {
            additionalProperties = UnknownFields.copyOf(additionalProperties);
        }
    }
}
