package dev.groqj.testkit;

import dev.groqj.GroqClient;
import dev.groqj.chat.ChatCompletion;
import dev.groqj.chat.ChatRequest;
import dev.groqj.chat.ChatStream;
import dev.groqj.chat.ChatCompletionChunk;
import dev.groqj.chat.FinishReason;
import dev.groqj.chat.Message;
import dev.groqj.chat.ResponseFormat;
import dev.groqj.chat.Tool;
import dev.groqj.chat.ToolChoice;
import dev.groqj.error.AuthenticationException;
import dev.groqj.error.BadRequestException;
import dev.groqj.error.NotFoundException;
import dev.groqj.error.RateLimitException;
import dev.groqj.error.StreamException;
import dev.groqj.resilience.RetryConfig;
import dev.groqj.resilience.Sleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The groqj client and the fake Groq, end to end over loopback: each side proves the other. */
class GroqClientEndToEndTest {
    private static final TestClock CLOCK = TestClock.create();

    @RegisterExtension
    static final FakeGroqServerExtension GROQ = new FakeGroqServerExtension(
            FakeGroqServer.builder().clock(CLOCK).requestsPerMinute(5).tokensPerMinute(100_000));

    private final List<Duration> sleeps = new ArrayList<>();
    /** The client's waits move the server's clock, so quotas refill exactly as long as the client waited. */
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        CLOCK.advance(d);
    };

    private static final ChatRequest HELLO = ChatRequest.builder()
            .model("llama-3.3-70b-versatile").addMessage(Message.user("Hello there")).build();

    private GroqClient client(FakeGroqServer groq) {
        return GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey())
                .retryConfig(RetryConfig.builder().jitter(0).build()).sleeper(sleeper).clock(CLOCK).build();
    }

    @Test
    void chatAndStreamAgree(FakeGroqServer groq) {
        GroqClient client = client(groq);
        ChatCompletion plain = client.chat().create(HELLO);
        assertThat(plain.choices().get(0).message().content()).isEqualTo("You said: Hello there");
        assertThat(plain.xGroq().id()).startsWith("req_");
        assertThat(plain.usage().totalTokens()).isPositive();

        List<String> tokens = new ArrayList<>();
        ChatCompletion streamed;
        try (ChatStream stream = client.chat().stream(HELLO)) {
            for (ChatCompletionChunk chunk : stream) {
                if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content() != null) {
                    tokens.add(chunk.choices().get(0).delta().content());
                }
            }
        }
        assertThat(String.join("", tokens)).isEqualTo("You said: Hello there");
        streamed = client.chat().stream(HELLO).accumulate();
        assertThat(streamed.choices().get(0).message().content()).isEqualTo(plain.choices().get(0).message().content());
        assertThat(streamed.usage().completionTokens()).isEqualTo(plain.usage().completionTokens());
    }

    @Test
    void requiredToolChoiceGivesAToolCall(FakeGroqServer groq) {
        ChatRequest request = HELLO.toBuilder()
                .addTool(Tool.function("get_weather", "Weather in a city", Map.of("type", "object",
                        "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"))))
                .toolChoice(ToolChoice.REQUIRED).build();
        ChatCompletion c = client(groq).chat().create(request);
        assertThat(c.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.choices().get(0).message().toolCalls().get(0).function().name()).isEqualTo("get_weather");
        assertThat(Json.tree(c.choices().get(0).message().toolCalls().get(0).function().arguments()).has("city")).isTrue();
    }

    @Test
    void jsonModeAnswersJson(FakeGroqServer groq) {
        ChatCompletion c = client(groq).chat().create(HELLO.toBuilder().responseFormat(ResponseFormat.jsonObject()).build());
        assertThat(Json.tree(c.choices().get(0).message().content()).isObject()).isTrue();
    }

    @Test
    void modelsWithSlashesAndUnknownModels(FakeGroqServer groq) {
        GroqClient client = client(groq);
        assertThat(client.models().list().data()).extracting(m -> m.id()).contains("openai/gpt-oss-120b");
        assertThat(client.models().retrieve("openai/gpt-oss-120b").id()).isEqualTo("openai/gpt-oss-120b");
        assertThatThrownBy(() -> client.chat().create(HELLO.toBuilder().model("llama-3.3-70b-versatlie").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("model_not_found");
                    assertThat(e.requestId()).startsWith("req_");
                });
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorWithoutRetry(FakeGroqServer groq) {
        GroqClient client = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey("gsk_wrong_key_123456789").build();
        assertThatThrownBy(() -> client.models().list()).isInstanceOf(AuthenticationException.class);
        assertThat(groq.requestCount()).isEqualTo(1);
    }

    @Test
    void parametersGroqRejectsAreRejectedLikeGroq(FakeGroqServer groq) {
        assertThatThrownBy(() -> client(groq).chat().create(HELLO.toBuilder().extraBody("logprobs", true).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).isEqualTo("logprobs"));
    }

    @Test
    void statusSequence503503200IsAbsorbed(FakeGroqServer groq) {
        groq.enqueueStatuses(Endpoint.CHAT_COMPLETIONS, 503, 503, 200);
        assertThat(client(groq).chat().create(HELLO).choices().get(0).message().content()).isEqualTo("You said: Hello there");
        assertThat(groq.requestCount()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void requestsPerMinuteExhaustionIsWaitedOutUsingGroqsRetryAfter(FakeGroqServer groq) {
        GroqClient client = client(groq);
        for (int i = 0; i < 5; i++) client.chat().create(HELLO);
        // Groq's headers count the day's requests, plenty: the sixth call is sent, draws the per-minute 429,
        // and is sent again once its retry-after (12 s, when one of 5 a minute is back) has passed
        assertThat(client.rateLimitStatus(HELLO.model()).requestsRemaining()).isPositive();
        assertThat(client.chat().create(HELLO).choices()).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
        assertThat(groq.requests()).extracting(RecordedRequest::path).hasSize(7);
    }

    @Test
    void scriptedRateLimitIsRetriedAfterItsRetryAfter(FakeGroqServer groq) {
        groq.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.rateLimited(Duration.ofSeconds(2)));
        assertThat(client(groq).chat().create(HELLO).choices()).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void rateLimitWithoutRetriesSurfacesTyped(FakeGroqServer groq) {
        groq.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.rateLimited(Duration.ofSeconds(2)));
        GroqClient client = GroqClient.builder().baseUrl(groq.baseUrl()).apiKey(groq.apiKey()).maxRetries(0).build();
        assertThatThrownBy(() -> client.chat().create(HELLO))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void inStreamErrorKeepsThePartialAnswer(FakeGroqServer groq) {
        groq.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.streamError(400, "invalid_request_error", "tool_use_failed",
                "Failed to call a function."));
        assertThatThrownBy(() -> client(groq).chat().stream(HELLO).accumulate())
                .isInstanceOfSatisfying(StreamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("tool_use_failed");
                    assertThat(e.partialContent()).isEqualTo("Partial");
                });
        assertThat(groq.requestCount()).as("never retried once the stream began").isEqualTo(1);
    }

    @Test
    void disconnectMidStreamKeepsThePartialAnswer(FakeGroqServer groq) {
        groq.enqueue(Endpoint.CHAT_COMPLETIONS, ScriptedResponse.modelAnswer().toBuilder().disconnectAfterBytes(700).build());
        assertThatThrownBy(() -> client(groq).chat().stream(HELLO).accumulate())
                .isInstanceOfSatisfying(StreamException.class, e -> {
                    assertThat(e.statusCode()).isZero();
                    assertThat("You said: Hello there").startsWith(e.partialContent());
                });
    }
}
