package dev.groqj;

import dev.groqj.auth.ApiKey;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroqConfigTest {
    private static final String KEY = "gsk_live_0123456789abcdefWXYZ";

    @Test
    void defaultsFollowTheSeed() {
        GroqConfig c = GroqConfig.builder().apiKey(KEY).build();
        assertThat(c.baseUrl()).isEqualTo("https://api.groq.com/openai/v1");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.maxRetries()).isEqualTo(3);
    }

    @Test
    void missingKeyNamesTheParameter() {
        assertThatThrownBy(() -> GroqConfig.builder().build())
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).param()).isEqualTo("apiKey");
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        assertThatThrownBy(() -> GroqConfig.builder().apiKey(KEY).baseUrl("http://api.groq.com/openai/v1").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("https")
                .extracting(e -> ((ValidationException) e).param()).isEqualTo("baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/openai/v1", "http://127.1.2.3/v1", "http://localhost:1/x",
            "http://[::1]:9000/openai/v1"})
    void plainHttpToLoopbackIsAllowed(String url) {
        assertThat(GroqConfig.builder().apiKey(KEY).baseUrl(url).build().baseUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:hunter2@api.groq.com/openai/v1", "https://api.groq.com/openai/v1?key=x",
            "https://api.groq.com/openai/v1#frag", "https://user:hunter2@api.groq.com:bad/v1"})
    void baseUrlWithUserInfoQueryOrFragmentIsRefusedWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> GroqConfig.builder().apiKey(KEY).baseUrl(url).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.param()).isEqualTo("baseUrl");
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }

    @Test
    void keyWhitespaceIsTrimmedAndControlOrNonAsciiCharactersAreRefused() {
        assertThat(GroqConfig.builder().apiKey("\t" + KEY + "\n").build().apiKey().reveal()).isEqualTo(KEY);
        for (String bad : new String[] {"gsk_a\u0000b", "gsk_a\tb", "gsk_a\u007fb", "gsk_\u00e9t\u00e9", "gsk_a\u2028b"}) {
            assertThatThrownBy(() -> GroqConfig.builder().apiKey(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.param()).isEqualTo("apiKey");
                        assertThat(e.getMessage()).doesNotContain("gsk_");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1.evil.com/v1", "http://128.0.0.1/v1", "http://10.0.0.1/v1", "ftp://127.0.0.1/"})
    void lookalikesOfLoopbackAreRefused(String url) {
        assertThatThrownBy(() -> GroqConfig.builder().apiKey(KEY).baseUrl(url).build())
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void zeroTimeoutIsRefused() {
        assertThatThrownBy(() -> GroqConfig.builder().apiKey(KEY).timeout(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("timeout:");
    }

    @Test
    void trailingSlashIsDropped() {
        assertThat(GroqConfig.builder().apiKey(KEY).baseUrl("https://example.com/openai/v1/").build().baseUrl())
                .isEqualTo("https://example.com/openai/v1");
    }

    @Test
    void environmentGivesKeyAndBaseUrl() {
        Map<String, String> env = Map.of("GROQ_API_KEY", KEY, "GROQ_BASE_URL", "http://127.0.0.1:9/openai/v1");
        GroqConfig c = GroqConfig.builder().fromEnvironment(env::get).build();
        assertThat(c.apiKey().reveal()).isEqualTo(KEY);
        assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:9/openai/v1");
    }

    @Test
    void missingEnvironmentKeyIsAClearError() {
        assertThatThrownBy(() -> GroqConfig.builder().fromEnvironment(name -> null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("GROQ_API_KEY");
    }

    @Test
    void theKeyNeverShowsInToString() {
        GroqConfig c = GroqConfig.builder().apiKey(KEY).build();
        assertThat(c.toString()).doesNotContain(KEY).contains("...WXYZ");
        assertThat(ApiKey.of(KEY).toString()).doesNotContain(KEY);
        assertThat(ApiKey.of("short").hint()).isEqualTo("****");
    }
}
