package dev.groqj.resilience;

import dev.groqj.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which HTTP answers {@code GroqException.isRetryable()} retries, the decision the orchestrator follows. */
class RetryDecisionTest {
    @ParameterizedTest(name = "{0} with x-should-retry {1} -> {2}")
    @CsvSource({
            "400, , false", "401, , false", "403, , false", "404, , false", "413, , false", "422, , false",
            "408, , true", "409, , true", "429, , true", "498, , true", "500, , true", "502, , true", "503, , true",
            "503, false, false", "429, false, false", "400, true, true", "503, maybe, true",
            "413, true, false",
    })
    void statusAndServerHintDecide(int status, String shouldRetry, boolean retryable) {
        ApiException e = shouldRetry == null
                ? new ApiException(Errors.details(status))
                : new ApiException(Errors.details(status, "x-should-retry", shouldRetry));
        assertThat(e.isRetryable()).isEqualTo(retryable);
    }
}
