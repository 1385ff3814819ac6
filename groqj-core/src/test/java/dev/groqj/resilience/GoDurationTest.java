package dev.groqj.resilience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource({
            "2m59.56s, 179560000000",
            "7.66s, 7660000000",
            "10.332999999s, 10332999999",
            "17.399999999s, 17399999999",
            "26ms, 26000000",
            "2h22m12.864s, 8532864000000",
            "1m, 60000000000",
            "0s, 0",
            "0, 0",
            "1.5h, 5400000000000",
            "300us, 300000",
            "300µs, 300000",
            "300μs, 300000",
            "42ns, 42",
            "1h1ns, 3600000000001",
            ".5s, 500000000",
            "-1.5s, -1500000000",
            "1.0000000019s, 1000000001",
    })
    void parsesGoDurationsExactly(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "10", "1.2.3s", "5 seconds", "1d", "ms", "-", "1m-2s", "9999999999h", "."})
    void rejectsWhatGoRejects(String text) {
        assertThat(GoDuration.tryParse(text)).isNull();
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Go duration");
    }

    @org.junit.jupiter.api.Test
    void tryParseOfNullIsNull() {
        assertThat(GoDuration.tryParse(null)).isNull();
    }
}
