package dev.groqj.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.Fixtures;
import dev.groqj.Fixtures.Interaction;
import dev.groqj.internal.Json;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded stream parses chunk by chunk, and {@link ChatCompletionAccumulator} rebuilds what the model
 * said. The SSE framing is undone here in the simplest way (the {@code data:} lines); the real parser is
 * {@code dev.groqj.internal.sse.SseParser}'s business.
 */
class RecordedStreamsTest {

    /** The JSON payloads of a recorded stream: SSE {@code data:} lines, or the lines of a chunks.txt file. */
    record Recorded(List<String> payloads) {
        static Recorded sse(String body) {
            return new Recorded(body.lines()
                    .filter(line -> line.startsWith("data:"))
                    .map(line -> line.substring("data:".length()).trim())
                    .filter(data -> !data.equals("[DONE]"))
                    .collect(Collectors.toList()));
        }

        static Recorded chunksFile(String relative) {
            return new Recorded(Fixtures.read(relative).lines().filter(l -> !l.isBlank()).collect(Collectors.toList()));
        }

        /** The chunks, skipping in-stream error events ({@code {"error": ...}}), which are not chunks. */
        List<ChatCompletionChunk> chunks() {
            return payloads.stream().filter(p -> !isError(p))
                    .map(p -> Json.read(p, ChatCompletionChunk.class)).collect(Collectors.toList());
        }

        List<JsonNode> errors() {
            return payloads.stream().filter(Recorded::isError).map(Json::tree).collect(Collectors.toList());
        }

        ChatCompletion accumulate() {
            ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
            chunks().forEach(acc::add);
            return acc.build();
        }

        private static boolean isError(String payload) {
            JsonNode tree = Json.tree(payload);
            return tree.has("error") && !tree.has("choices");
        }
    }

    static Stream<Named<Recorded>> recordedStreams() {
        List<Named<Recorded>> streams = new ArrayList<>();
        for (Interaction call : Fixtures.chatInteractions()) {
            if (call.isStream()) streams.add(Named.of(call.source(), Recorded.sse(call.responseText())));
        }
        for (String file : Fixtures.list("recorded/vercel-ai", ".chunks.txt")) {
            streams.add(Named.of(file, Recorded.chunksFile(file)));
        }
        assertThat(streams).hasSizeGreaterThanOrEqualTo(14);
        return streams.stream();
    }

    @ParameterizedTest
    @MethodSource("recordedStreams")
    void everyRecordedStreamParsesAndAccumulates(Recorded stream) {
        List<ChatCompletionChunk> chunks = stream.chunks();

        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> {
            assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.choices()).allSatisfy(choice -> assertThat(choice.delta()).isNotNull());
        });
        ChatCompletion completion = stream.accumulate();
        assertThat(completion.choices()).hasSize(1);
        FinishReason finish = completion.choices().get(0).finishReason();
        if (stream.errors().isEmpty()) {
            assertThat(finish).isNotNull();
            assertThat(completion.usage().totalTokens())
                    .isEqualTo(completion.usage().promptTokens() + completion.usage().completionTokens())
                    .isPositive();
        } else {
            // the stream broke off: no finish reason, no usage
            assertThat(finish).isNull();
            assertThat(completion.usage()).isNull();
        }
    }

    @Test
    void textStreamRebuildsContentAndPrefersTopLevelUsage() {
        Recorded stream = Recorded.chunksFile("recorded/vercel-ai/groq-text.chunks.txt");
        ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
        List<ChatCompletionChunk> chunks = stream.chunks();
        chunks.forEach(acc::add);

        ChatCompletion completion = acc.build();
        String content = completion.choices().get(0).message().content();
        assertThat(acc.chunkCount()).isEqualTo(663);
        assertThat(content).startsWith("Introducing \"Luminaria\" - a new holiday that celeb").isEqualTo(acc.content());
        assertThat(content.codePointCount(0, content.length())).isEqualTo(3189);
        assertThat(completion.choices().get(0).message().reasoning()).isNull();
        assertThat(acc.reasoning()).isEmpty();
        assertThat(completion.choices().get(0).finishReason()).isSameAs(FinishReason.STOP);
        assertThat(completion.usage()).isSameAs(chunks.get(chunks.size() - 1).usage());
        assertThat(completion.usage().totalTokens()).isEqualTo(707);
        assertThat(completion.usage().completionTime()).isEqualTo(2.652230333);
        assertThat(completion.xGroq().id()).isEqualTo("req_01kh52ndshfr2azv0xe6tnv4fx");
        assertThat(completion.xGroq().seed()).isEqualTo(1535227698L);
        assertThat(completion.id()).isEqualTo("chatcmpl-7eb08824-fb8d-47af-a1f0-3aa786f2d1f3");
        assertThat(completion.model()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(completion.created()).isEqualTo(1770770839L);
        assertThat(completion.object()).isEqualTo("chat.completion");
    }

    @Test
    void contentSoFarIsReadableMidStream() {
        List<ChatCompletionChunk> chunks = Recorded.chunksFile("recorded/vercel-ai/groq-text.chunks.txt").chunks();
        ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
        chunks.subList(0, 3).forEach(acc::add);

        assertThat(acc.content()).isEqualTo("Introducing");
        assertThat(acc.usage()).isNull();
        assertThat(acc.build().choices().get(0).finishReason()).isNull();
    }

    @Test
    void usageFallsBackToXGroqUsage() {
        ChatCompletion completion = Recorded.sse(Fixtures.cassette(
                "recorded/openllmetry/test_chat_tracing/test_chat_streaming_legacy.yaml").get(0).responseText()).accumulate();

        String content = completion.choices().get(0).message().content();
        assertThat(content).startsWith("A joke about OpenTelemetry!\n\nWhy did the OpenTelem");
        assertThat(content.codePointCount(0, content.length())).isEqualTo(277);
        assertThat(completion.usage().promptTokens()).isEqualTo(18);
        assertThat(completion.usage().completionTokens()).isEqualTo(73);
        assertThat(completion.usage().totalTokens()).isEqualTo(91);
        assertThat(completion.xGroq().usage()).as("no cache statistics in a stream").isNull();
        assertThat(completion.xGroq().id()).isEqualTo("req_01jmefve36eajb6c1x6k8ppv5m");
    }

    @Test
    void reasoningStreamSeparatesReasoningFromContent() {
        ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
        Recorded.chunksFile("recorded/vercel-ai/groq-reasoning.chunks.txt").chunks().forEach(acc::add);
        ChatCompletion completion = acc.build();

        ResponseMessage message = completion.choices().get(0).message();
        assertThat(message.reasoning()).startsWith("Okay, let me try to figure out how many ").isEqualTo(acc.reasoning());
        assertThat(message.reasoning().codePointCount(0, message.reasoning().length())).isEqualTo(2952);
        assertThat(message.content()).startsWith("The word **\"strawberry\"** is spelled as **S-T-R-A-");
        assertThat(message.content().codePointCount(0, message.content().length())).isEqualTo(347);
        assertThat(completion.usage().reasoningTokens()).isEqualTo(963);
        assertThat(completion.usage().totalTokens()).isEqualTo(1124);
    }

    @Test
    void toolCallPiecesAreJoinedByIndex() {
        ChatCompletion completion = Recorded.chunksFile("recorded/vercel-ai/groq-json-tool-call.chunks.txt").accumulate();

        Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isSameAs(FinishReason.TOOL_CALLS);
        assertThat(choice.message().content()).isNull();
        assertThat(choice.message().role()).isEqualTo("assistant");
        assertThat(choice.message().toolCalls()).hasSize(1);
        ToolCall call = choice.message().toolCalls().get(0);
        assertThat(call.id()).isEqualTo("ax9fskhew");
        assertThat(call.type()).isEqualTo("function");
        assertThat(call.function().name()).isEqualTo("json");
        assertThat(call.function().arguments()).isEqualTo("{\"value\":\"Sparkle Day\"}");
        assertThat(Json.tree(call.function().arguments()).path("value").asText()).isEqualTo("Sparkle Day");
        assertThat(completion.usage().totalTokens()).isEqualTo(65);
    }

    @Test
    void gptOssToolCallStreamKeepsReasoningAndCall() {
        ChatCompletion completion = Recorded.sse(Fixtures.cassette(
                "recorded/pydantic-ai/models/cassettes/test_groq/test_tool_use_failed_error_streaming.yaml")
                .get(1).responseText()).accumulate();

        ResponseMessage message = completion.choices().get(0).message();
        assertThat(message.reasoning()).startsWith("We need to call the function with correc");
        ToolCall call = message.toolCalls().get(0);
        assertThat(call.id()).isEqualTo("fc_bfb39741-3748-4def-9886-a93fc9c64a90");
        assertThat(call.function().name()).isEqualTo("get_something_by_name");
        assertThat(call.function().arguments()).isEqualTo("{\"name\":\"example\"}");
        assertThat(completion.usage().reasoningTokens()).isEqualTo(23);
        assertThat(completion.usage().totalTokens()).isEqualTo(353);
    }

    @Test
    void compoundStreamMergesExecutedToolsAndKeepsTheFirstId() {
        Recorded stream = Recorded.sse(Fixtures.cassette(
                "recorded/pydantic-ai/models/cassettes/test_groq/test_groq_model_web_search_tool_stream.yaml")
                .get(0).responseText());
        ChatCompletion completion = stream.accumulate();

        assertThat(completion.id()).isEqualTo("chatcmpl-03ea1ed2-c2dc-4f8d-ba51-54e08ca9287c");
        ResponseMessage message = completion.choices().get(0).message();
        assertThat(message.content()).startsWith("The weather in San Francisco today is partly cloud");
        assertThat(message.reasoning()).startsWith("<think>\nTo find the current weather in S");
        assertThat(message.executedTools()).hasSize(1);
        ExecutedTool search = message.executedTools().get(0);
        assertThat(search.type()).isEqualTo("search");
        assertThat(search.arguments()).isEqualTo("{\"query\": \"What is the weather in San Francisco today?\"}");
        assertThat(search.output()).startsWith("Title: Weather in San Francisco");
        assertThat(search.searchResults().results()).isNotEmpty();
        assertThat(completion.usage().totalTokens()).isEqualTo(5362);
        assertThat(completion.usageBreakdown().models()).hasSize(4);
        assertThat(completion.usageBreakdown().models()).isNotEmpty();
    }

    @Test
    void errorEventInsideAStreamIsNotAChunkAndContentSoFarSurvives() {
        Recorded stream = Recorded.sse(Fixtures.cassette(
                "recorded/pydantic-ai/models/cassettes/test_groq/test_tool_use_failed_error_streaming_with_text.yaml")
                .get(0).responseText());

        assertThat(stream.errors()).hasSize(1);
        JsonNode error = stream.errors().get(0).path("error");
        assertThat(error.path("code").asText()).isEqualTo("tool_use_failed");
        assertThat(error.path("status_code").asInt()).isEqualTo(400);
        ChatCompletionAccumulator acc = new ChatCompletionAccumulator();
        stream.chunks().forEach(acc::add);
        assertThat(acc.content()).isEqualTo("maybe");
        assertThat(acc.reasoning()).startsWith("The user says: \"dont make a tool call, j");
        assertThat(stream.chunks()).anySatisfy(c -> assertThat(c.choices().get(0).delta().channel()).isEqualTo("analysis"));
    }

    @Test
    void unknownChunkFieldsSurvive() {
        ChatCompletionChunk chunk = Json.read("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":2,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"sparkle\":1},"
                + "\"finish_reason\":\"eos\"}],\"x_groq\":{\"id\":\"req_2\",\"error\":\"over capacity\"},\"shard\":7}",
                ChatCompletionChunk.class);

        assertThat(chunk.choices().get(0).delta().content()).isEqualTo("x");
        assertThat(chunk.choices().get(0).delta().additionalProperties().get("sparkle").asInt()).isEqualTo(1);
        assertThat(chunk.choices().get(0).finishReason().value()).isEqualTo("eos");
        assertThat(chunk.xGroq().error()).isEqualTo("over capacity");
        assertThat(chunk.additionalProperties().get("shard").asInt()).isEqualTo(7);
        assertThat(new ChatCompletionAccumulator().add(chunk).build().choices().get(0).finishReason().value())
                .isEqualTo("eos");
    }
}
