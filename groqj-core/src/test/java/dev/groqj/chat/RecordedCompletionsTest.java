package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.Fixtures;
import dev.groqj.Fixtures.Interaction;
import dev.groqj.Usage;
import dev.groqj.UsageBreakdown;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every recorded non-streaming chat completion body parses, and the values that matter come out right. */
class RecordedCompletionsTest {

    static Stream<Named<byte[]>> recordedCompletionBodies() {
        List<Named<byte[]>> bodies = new ArrayList<>();
        for (Interaction call : Fixtures.chatInteractions()) {
            if (call.status() == 200 && !call.isStream()) bodies.add(Named.of(call.source(), call.responseBody()));
        }
        for (String file : Fixtures.list("recorded/vercel-ai", ".json")) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.startsWith("groq-") && !name.contains("transcription")) {
                bodies.add(Named.of(file, Fixtures.bytes(file)));
            }
        }
        assertThat(bodies).hasSizeGreaterThan(90);
        return bodies.stream();
    }

    @ParameterizedTest
    @MethodSource("recordedCompletionBodies")
    void everyRecordedCompletionParses(byte[] body) {
        ChatCompletion completion = Json.read(body, ChatCompletion.class);

        assertThat(completion.object()).isEqualTo("chat.completion");
        assertThat(completion.id()).isNotBlank(); // "chatcmpl-...", or "stub" from compound models
        assertThat(completion.model()).isNotBlank();
        Usage usage = completion.usage();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        for (Choice choice : completion.choices()) {
            assertThat(choice.finishReason()).isNotNull();
            assertThat(choice.message().role()).isEqualTo("assistant");
            boolean answered = choice.message().content() != null || !choice.message().toolCalls().isEmpty();
            assertThat(answered).as("content or tool calls").isTrue();
            choice.message().toolCalls().forEach(call -> {
                assertThat(call.id()).isNotBlank();
                assertThat(call.type()).isEqualTo("function");
                assertThat(Json.tree(call.function().arguments()).isObject()).isTrue();
            });
        }
        // the same JSON, read as a tree, agrees on the values the records give
        JsonNode tree = Json.MAPPER.valueToTree(Json.tree(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(completion.choices()).hasSize(tree.path("choices").size());
        assertThat(completion.created()).isEqualTo(tree.path("created").asLong());
        if (tree.path("x_groq").has("id")) {
            assertThat(completion.xGroq().id()).isEqualTo(tree.path("x_groq").path("id").asText());
        }
    }

    @Test
    void plainCompletionGivesContentUsageAndRequestId() {
        ChatCompletion completion = completion("recorded/pydantic-ai/models/cassettes/test_groq/test_groq_model_instructions.yaml", 0);

        assertThat(completion.choices().get(0).message().content()).isEqualTo("The capital of France is Paris.");
        assertThat(completion.choices().get(0).finishReason()).isSameAs(FinishReason.STOP);
        assertThat(completion.choices().get(0).logprobs()).isNull();
        assertThat(completion.usage().promptTokens()).isEqualTo(48);
        assertThat(completion.usage().completionTokens()).isEqualTo(8);
        assertThat(completion.usage().totalTokens()).isEqualTo(56);
        assertThat(completion.usage().queueTime()).isEqualTo(0.100731848);
        assertThat(completion.usage().promptTime()).isEqualTo(0.002665957);
        assertThat(completion.usage().completionTime()).isEqualTo(0.029090909);
        assertThat(completion.usage().totalTime()).isEqualTo(0.031756866);
        assertThat(completion.xGroq().id()).isEqualTo("req_01jr8hj0hzeq9b86xqb5dn7wqs");
        assertThat(completion.systemFingerprint()).isEqualTo("fp_72a5dc99ee");
        assertThat(completion.usageBreakdown().models()).isEmpty();
        assertThat(completion.created()).isEqualTo(1744043573L);
    }

    @Test
    void gzippedOpenllmetryCompletionParses() {
        ChatCompletion completion = completion("recorded/openllmetry/test_chat_tracing/test_chat_legacy.yaml", 0);

        assertThat(completion.model()).isEqualTo("llama3-8b-8192");
        assertThat(completion.choices().get(0).message().content())
                .startsWith("Here's a joke about OpenTelemetry:").endsWith("I hope that brings a trace to your eye!");
        assertThat(completion.usage().totalTokens()).isEqualTo(61);
        assertThat(completion.xGroq().id()).isEqualTo("req_01j6y8yaypebqr66bn9r72s63h");
        assertThat(completion.serviceTier()).isNull();
    }

    @Test
    void toolCallCompletionGivesTheCallAndItsArguments() {
        ChatCompletion completion = Json.read(Fixtures.bytes("recorded/vercel-ai/groq-tool-call.json"), ChatCompletion.class);

        Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(choice.message().content()).isNull();
        ToolCall call = choice.message().toolCalls().get(0);
        assertThat(call.id()).isEqualTo("ax9fskhev");
        assertThat(call.type()).isEqualTo("function");
        assertThat(call.function().name()).isEqualTo("weather");
        assertThat(call.function().arguments()).isEqualTo("{}");
        assertThat(completion.usage().totalTokens()).isEqualTo(233);
        assertThat(completion.xGroq().seed()).isEqualTo(1790130236L);
        assertThat(completion.serviceTier()).isEqualTo("on_demand");
    }

    @Test
    void reasoningCompletionSeparatesReasoningAndCountsItsTokens() {
        ChatCompletion completion = Json.read(Fixtures.bytes("recorded/vercel-ai/groq-reasoning.json"), ChatCompletion.class);

        ResponseMessage message = completion.choices().get(0).message();
        assertThat(message.reasoning()).startsWith("Okay, so the user is asking how many times the letter \"r\"");
        assertThat(message.content()).startsWith("The word \"strawberry\" contains **3** instances");
        assertThat(completion.usage().reasoningTokens()).isEqualTo(570);
        assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(570);
        assertThat(completion.usage().totalTokens()).isEqualTo(666);
    }

    @Test
    void reasoningCutOffByLengthHasEmptyContent() {
        ChatCompletion completion = Json.read(
                Fixtures.bytes("recorded/vercel-ai/groq-qwen-reasoning-enabled.json"), ChatCompletion.class);

        Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isSameAs(FinishReason.LENGTH);
        assertThat(choice.message().content()).isEmpty();
        assertThat(choice.message().reasoning()).startsWith("Here's a thinking process:");
        assertThat(completion.usage().reasoningTokens()).isEqualTo(64);
    }

    @Test
    void compoundWebSearchGivesExecutedToolsAndUsagePerModel() {
        ChatCompletion completion = completion(
                "recorded/pydantic-ai/models/cassettes/test_groq/test_groq_model_web_search_tool.yaml", 0);

        ResponseMessage message = completion.choices().get(0).message();
        assertThat(message.content()).startsWith("The weather in San Francisco today, September 17, 2025, is partly cloudy");
        assertThat(message.reasoning()).isNotBlank();
        ExecutedTool search = message.executedTools().get(0);
        assertThat(message.executedTools()).hasSize(1);
        assertThat(search.type()).isEqualTo("search");
        assertThat(search.arguments()).isEqualTo("{\"query\": \"What is the weather in San Francisco today?\"}");
        assertThat(search.output()).isNotBlank();
        assertThat(search.searchResults().results()).hasSize(17);
        assertThat(search.searchResults().results().get(0).url()).isEqualTo("https://www.weatherapi.com/");
        assertThat(search.searchResults().results().get(0).score()).isCloseTo(0.9842367, within(1e-9));
        assertThat(completion.usage().totalTokens()).isEqualTo(5683);
        assertThat(completion.xGroq().id()).isEqualTo("stub");
        assertThat(completion.usageBreakdown().models()).extracting(UsageBreakdown.ModelUsage::model).containsExactly(
                "llama-3.3-70b-versatile", "meta-llama/llama-4-scout-17b-16e-instruct",
                "meta-llama/llama-4-scout-17b-16e-instruct", "llama-3.3-70b-versatile");
        assertThat(completion.usageBreakdown().models().get(0).usage().totalTokens()).isPositive();
    }

    @Test
    void unknownUsageFieldsFromAGatewayAreKept() {
        ChatCompletion completion = completion(
                "recorded/pydantic-ai/providers/cassettes/test_gateway/test_gateway_provider_with_groq.yaml", 0);

        assertThat(completion.usage().additionalProperties()).containsKey("pydantic_ai_gateway");
        assertThat(completion.usage().additionalProperties().get("pydantic_ai_gateway").get("cost_estimate").isNumber())
                .isTrue();
    }

    @Test
    void cachedPromptTokensAreRead() {
        List<Integer> cached = new ArrayList<>();
        for (Interaction call : Fixtures.chatInteractions()) {
            if (call.status() == 200 && !call.isStream() && call.responseText().contains("cached_tokens")) {
                cached.add(Json.read(call.responseBody(), ChatCompletion.class).usage().cachedTokens());
            }
        }
        assertThat(cached).isNotEmpty().allMatch(n -> n > 0);
    }

    @Test
    void emptyChoicesParse() {
        ChatCompletion completion = Json.read(Fixtures.bytes("recorded/vercel-ai/groq-empty-choices.json"), ChatCompletion.class);

        assertThat(completion.choices()).isEmpty();
        assertThat(completion.usage().totalTokens()).isEqualTo(1);
        assertThat(completion.usage().queueTime()).isZero();
        assertThat(completion.xGroq()).isNull();
    }

    @Test
    void unknownFieldsAndFinishReasonsSurviveAndRoundTrip() {
        String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\",\"mood\":\"good\"},"
                + "\"finish_reason\":\"content_filter\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3},"
                + "\"x_groq\":{\"id\":\"req_1\",\"debug\":{\"input_tokens\":[\"a\"]},\"region\":\"eu\","
                + "\"usage\":{\"sram_cached_tokens\":7,\"dram_cached_tokens\":2}},"
                + "\"mcp_list_tools\":[{\"id\":\"t\"}]}";

        ChatCompletion completion = Json.read(json, ChatCompletion.class);

        Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason().value()).isEqualTo("content_filter");
        assertThat(choice.finishReason()).isEqualTo(FinishReason.of("content_filter")).isNotEqualTo(FinishReason.STOP);
        assertThat(choice.message().additionalProperties().get("mood").asString()).isEqualTo("good");
        assertThat(completion.xGroq().additionalProperties().get("region").asString()).isEqualTo("eu");
        assertThat(completion.xGroq().debug().inputTokens()).containsExactly("a");
        assertThat(completion.xGroq().usage().sramCachedTokens()).isEqualTo(7);
        assertThat(completion.xGroq().usage().dramCachedTokens()).isEqualTo(2);
        assertThat(completion.mcpListTools().get(0).id()).isEqualTo("t");

        JsonNode written = Json.MAPPER.valueToTree(completion);
        assertThat(written.path("choices").get(0).path("finish_reason").asText()).isEqualTo("content_filter");
        assertThat(written.path("choices").get(0).path("message").path("mood").asText()).isEqualTo("good");
        assertThat(written.path("mcp_list_tools").get(0).path("id").asText()).isEqualTo("t");
        assertThat(written.has("additionalProperties")).isFalse();
    }

    private static ChatCompletion completion(String cassette, int index) {
        Interaction call = Fixtures.cassette(cassette).get(index);
        assertThat(call.status()).isEqualTo(200);
        return Json.read(call.responseBody(), ChatCompletion.class);
    }
}
