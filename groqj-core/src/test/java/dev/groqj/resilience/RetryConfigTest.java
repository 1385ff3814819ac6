package dev.groqj.resilience;

import dev.groqj.internal.resilience.GoDuration;
import dev.groqj.internal.resilience.RetryAfter;
import dev.groqj.error.ValidationException;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryConfigTest {
    @Test
    void defaultsAreDocumented() {
        RetryConfig c = RetryConfig.DEFAULT;
        assertThat(c.maxRetries()).isEqualTo(3);
        assertThat(c.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.maxBackoff()).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.multiplier()).isEqualTo(2);
        assertThat(c.jitter()).isEqualTo(0.25);
        assertThat(c.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.deadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryConfig.builder().deadline(null).build().deadline()).isNull();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryConfig c = RetryConfig.DEFAULT;
        assertThat(c.backoff(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(c.backoff(2, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.backoff(5, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.backoff(6, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.backoff(2000, 0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterTakesOffAtMostItsFraction() {
        RetryConfig c = RetryConfig.DEFAULT;
        assertThat(c.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(875));
        assertThat(c.backoff(2, 0.999_999)).isGreaterThan(Duration.ofMillis(750));
    }

    @Test
    void toBuilderKeepsEverything() {
        RetryConfig c = RetryConfig.builder().maxRetries(1).jitter(0).deadline(Duration.ofSeconds(9)).build();
        assertThat(c.toBuilder().build()).hasToString(c.toString());
    }

    @Test
    void invalidValuesNameTheirParameter() {
        assertThatThrownBy(() -> RetryConfig.builder().maxRetries(-1))
                .isInstanceOf(ValidationException.class).extracting("param").isEqualTo("maxRetries");
        assertThatThrownBy(() -> RetryConfig.builder().jitter(1.5))
                .isInstanceOf(ValidationException.class).extracting("param").isEqualTo("jitter");
        assertThatThrownBy(() -> RetryConfig.builder().initialBackoff(Duration.ofSeconds(10)).build())
                .isInstanceOf(ValidationException.class).extracting("param").isEqualTo("maxBackoff");
    }

    @Test
    void retryAfterMsWinsThenSecondsThenHttpDate() {
        FakeTime time = new FakeTime();
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after-ms", "1500", "retry-after", "9"), time))
                .contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "2.5"), time)).contains(Duration.ofMillis(2500));
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "Thu, 01 Jan 2026 00:00:30 GMT"), time))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "Wed, 31 Dec 2025 23:00:00 GMT"), time))
                .contains(Duration.ZERO);
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "later"), time)).isEmpty();
        assertThat(RetryAfter.from(Headers.EMPTY, time)).isEmpty();
    }

    @Test
    void hugeOrHostileRetryAfterSaturatesWithoutOverflow() {
        FakeTime time = new FakeTime();
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "10000000000"), time)).contains(GoDuration.MAX);
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "9".repeat(100_000)), time)).contains(GoDuration.MAX);
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after-ms", "99999999999999999999"), time))
                .contains(GoDuration.MAX);
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "9223372036"), time))
                .contains(Duration.ofSeconds(9_223_372_036L));
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "-10000000000"), time)).contains(Duration.ZERO);
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "1e999999999"), time)).isEmpty();
        assertThat(RetryAfter.from(Headers.ofPairs("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT"), time))
                .hasValueSatisfying(d -> assertThat(d).isPositive());
    }
}
