package dev.groqj.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaTest {
    private static final String CHAT = "{\"model\":\"llama-3.1-8b-instant\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four\"}]}";

    private final TestClock clock = TestClock.create();
    private FakeGroqServer server;

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void requestsPastTheMinuteQuotaAre429WithRetryAfterButTheHeadersCountTheDay() {
        server = FakeGroqServer.builder().clock(clock).requestsPerMinute(2).requestsPerDay(1_000).build().start();
        Http http = new Http(server);

        HttpResponse<String> first = http.postJson("/chat/completions", CHAT);
        assertThat(first.headers().firstValue("x-ratelimit-limit-requests")).hasValue("1000");
        assertThat(first.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("999");
        assertThat(first.headers().firstValue("x-ratelimit-reset-requests")).hasValue("1m26.4s"); // a day / 1,000
        assertThat(first.headers().firstValue("retry-after")).isEmpty();

        clock.advance(Duration.ofMillis(10_340));
        assertThat(http.postJson("/chat/completions", CHAT).statusCode()).isEqualTo(200);

        HttpResponse<String> third = http.postJson("/chat/completions", CHAT);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("retry-after")).hasValue("20"); // 19.66 s until one request fits
        ChatCompletionsTest.assertError(third, "requests", "rate_limit_exceeded");
        assertThat(Http.json(third).get("error").get("message").asText())
                .contains("requests per minute (RPM): Limit 2, Used 2, Requested 1");

        clock.advance(Duration.ofSeconds(20));
        assertThat(http.postJson("/chat/completions", CHAT).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsPastTheDayQuotaAre429AndTheHeadersCountDownTruthfully() {
        server = FakeGroqServer.builder().clock(clock).requestsPerDay(2).build().start();
        Http http = new Http(server);

        HttpResponse<String> first = http.postJson("/chat/completions", CHAT);
        assertThat(first.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("1");
        assertThat(first.headers().firstValue("x-ratelimit-reset-requests")).hasValue("12h0m0s");
        HttpResponse<String> second = http.postJson("/chat/completions", CHAT);
        assertThat(second.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");

        HttpResponse<String> third = http.postJson("/chat/completions", CHAT);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Http.json(third).get("error").get("message").asText())
                .contains("requests per day (RPD): Limit 2, Used 2, Requested 1");
        assertThat(third.headers().firstValue("retry-after")).hasValue("43200");
    }

    @Test
    void aRequestNoMinuteOfTokensCouldHoldIs413SayingByHowMuch() {
        server = FakeGroqServer.builder().clock(clock).tokensPerMinute(100).build().start();
        HttpResponse<String> tooLarge = new Http(server).postJson("/chat/completions",
                CHAT.replace("}]}", "}],\"max_completion_tokens\":200}"));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        ChatCompletionsTest.assertError(tooLarge, "tokens", "rate_limit_exceeded");
        assertThat(Http.json(tooLarge).get("error").get("message").asText())
                .contains("on tokens per minute (TPM): Limit 100, Requested 204, please reduce your message size");
    }

    @Test
    void tokensPastTheMinuteQuotaAre429OfTypeTokens() {
        server = FakeGroqServer.builder().clock(clock).tokensPerMinute(20).build().start();
        Http http = new Http(server);

        HttpResponse<String> first = http.postJson("/chat/completions", CHAT); // 4 prompt + 6 completion tokens
        assertThat(first.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue("10");
        assertThat(first.headers().firstValue("x-ratelimit-reset-tokens")).hasValue("30s");
        http.postJson("/chat/completions", CHAT);

        HttpResponse<String> third = http.postJson("/chat/completions", CHAT);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("retry-after")).hasValue("12");
        assertThat(Http.json(third).get("error").get("type").asText()).isEqualTo("tokens");
        assertThat(third.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue("0");
    }
}
