package dev.groqj.resilience;

import dev.groqj.internal.resilience.GoDuration;
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
    @ValueSource(strings = {"", "s", "10", "1.2.3s", "5 seconds", "1d", "ms", "-", "1m-2s", ".", "1..s", "1h 2m"})
    void rejectsWhatGoRejects(String text) {
        assertThat(GoDuration.tryParse(text)).isNull();
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Go duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999h", "99999999999999h", "2562048h", "9223372036854775808ns",
            "100000000000000000000000000000000000000000s", "9223372036854775807ns1ns", "5124096h5124096h"})
    void hugeDurationsSaturateInsteadOfOverflowing(String text) {
        assertThat(GoDuration.parse(text)).isEqualTo(GoDuration.MAX);
        assertThat(GoDuration.parse("-" + text)).isEqualTo(GoDuration.MAX.negated());
    }

    @org.junit.jupiter.api.Test
    void theLargestExactValueIsNotSaturated() {
        assertThat(GoDuration.parse("9223372036854775807ns")).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(GoDuration.parse("2562047h")).isEqualTo(Duration.ofHours(2_562_047));
    }

    @org.junit.jupiter.api.Test
    void longInputsParseInLinearTime() {
        // a quadratic parse of 200k digits would take seconds; these return as fast as they are scanned
        assertThat(GoDuration.parse("0".repeat(200_000) + "26ms")).isEqualTo(Duration.ofMillis(26));
        assertThat(GoDuration.parse("9".repeat(200_000) + "ns")).isEqualTo(GoDuration.MAX);
        assertThat(GoDuration.parse("1." + "9".repeat(200_000) + "s")).isEqualTo(Duration.ofNanos(1_999_999_999));
        assertThat(GoDuration.parse("1ns".repeat(100_000))).isEqualTo(Duration.ofNanos(100_000));
    }

    @org.junit.jupiter.api.Test
    void tryParseOfNullIsNull() {
        assertThat(GoDuration.tryParse(null)).isNull();
    }

    @org.junit.jupiter.api.Test
    void shortValuesAgreeWithExactDecimalArithmeticInEveryUnit() {
        // short numbers take a long-arithmetic path; it must truncate exactly as the decimal one does
        String[] units = {"ns", "us", "ms", "s", "m", "h"};
        long[] nanos = {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L, 3_600_000_000_000L};
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 20_000; i++) {
            int u = random.nextInt(units.length);
            StringBuilder integer = new StringBuilder();
            for (int d = 1 + random.nextInt(9); d > 0; d--) integer.append(random.nextInt(10));
            StringBuilder fraction = new StringBuilder();
            for (int d = random.nextInt(10); d > 0; d--) fraction.append(random.nextInt(10));
            String text = integer + (fraction.length() == 0 ? "" : "." + fraction) + units[u];
            java.math.BigDecimal exact = new java.math.BigDecimal(integer + "." + fraction + "0")
                    .multiply(java.math.BigDecimal.valueOf(nanos[u])).setScale(0, java.math.RoundingMode.DOWN);
            Duration expected = exact.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) >= 0
                    ? GoDuration.MAX : Duration.ofNanos(exact.longValueExact());
            assertThat(GoDuration.parse(text)).as(text).isEqualTo(expected);
        }
    }
}
