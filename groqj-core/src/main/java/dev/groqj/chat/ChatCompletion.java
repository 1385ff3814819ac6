package dev.groqj.chat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.JsonValue;
import dev.groqj.Usage;
import dev.groqj.UsageBreakdown;
import dev.groqj.XGroqCompletion;

import java.util.List;
import java.util.Map;

/**
 * A chat completion: the model's answer to a {@link ChatRequest}, or one rebuilt from a stream by
 * {@link ChatCompletionAccumulator}.
 *
 * <pre>{@code
 * ChatCompletion completion = client.chat().create(request);
 * completion.content();   // the first choice's text, as choices().get(0).message().content()
 * completion.usage().totalTokens();
 * completion.xGroq().id();
 * completion.mcpListTools();   // the tools of the MCP servers the request connected, if any
 * }</pre>
 *
 * <p>Fields are the API's ({@code CreateChatCompletionResponse}); {@code created} is in Unix seconds. Fields
 * this type does not know, here and in every nested type, are kept in {@code additionalProperties()}.
 */
public record ChatCompletion(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        Usage usage,
        @JsonProperty("usage_breakdown") UsageBreakdown usageBreakdown,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        @JsonProperty("x_groq") XGroqCompletion xGroq,
        @JsonProperty("service_tier") String serviceTier,
        @JsonProperty("mcp_list_tools") List<McpListTools> mcpListTools,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonValue> additionalProperties) {

    public ChatCompletion {
        choices = Values.list(choices);
        mcpListTools = Values.list(mcpListTools);
        additionalProperties = Values.unknown(additionalProperties);
    }

    /** The first choice's message content; null when there is none (an answer of tool calls only, say). */
    public String content() {
        return choices.isEmpty() || choices.get(0).message() == null ? null : choices.get(0).message().content();
    }
}
