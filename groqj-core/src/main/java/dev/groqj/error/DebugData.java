package dev.groqj.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.internal.check.Frozen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Groq's debug data ({@code DebugData}): the input and output as token ids and strings. Groq sends it only when
 * asked to debug, under {@code x_groq.debug} of a completion or chunk and {@code error.debug} of an error
 * ({@link ApiException#debug()}); in this package, which depends on no other of groqj's API, so errors can carry it.
 * Fields this type does not know are kept in {@link #additionalProperties()} as plain Java values.
 */
public record DebugData(
        @JsonProperty("input_token_ids") List<Long> inputTokenIds,
        @JsonProperty("input_tokens") List<String> inputTokens,
        @JsonProperty("output_token_ids") List<Long> outputTokenIds,
        @JsonProperty("output_tokens") List<String> outputTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

    public DebugData {
        inputTokenIds = copy(inputTokenIds);
        inputTokens = copy(inputTokens);
        outputTokenIds = copy(outputTokenIds);
        outputTokens = copy(outputTokens);
        additionalProperties = Frozen.copyOf(additionalProperties);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
