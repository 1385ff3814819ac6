package dev.groqj.transport;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Built requests share their header map with builders until a change, which must never reach a built request. */
class HttpRequestTest {
    private static final URI URI = java.net.URI.create("http://127.0.0.1/x");

    @Test
    void aBuilderChangedAfterBuildLeavesTheBuiltRequestAlone() {
        HttpRequest.Builder builder = HttpRequest.builder().uri(URI).header("Accept", "application/json");
        HttpRequest first = builder.build();

        HttpRequest second = builder.header("accept", "text/event-stream").header("X-Extra", "1").build();

        assertThat(first.headers().toMap()).containsOnlyKeys("Accept");
        assertThat(first.headers().all("ACCEPT")).containsExactly("application/json");
        assertThat(second.headers().all("Accept")).containsExactly("text/event-stream");
        assertThat(second.headers().toMap()).containsOnlyKeys("accept", "X-Extra");
    }

    @Test
    void aCopyWithCredentialsLeavesTheOriginalWithout() {
        HttpRequest call = HttpRequest.builder().uri(URI).header("User-Agent", "groqj").build();

        HttpRequest.Builder attempt = call.toBuilder();
        HttpRequest withKey = attempt.header("Authorization", "Bearer k").build();
        HttpRequest again = call.toBuilder().build();

        assertThat(call.headers().toMap()).containsOnlyKeys("User-Agent");
        assertThat(again.headers().toMap()).containsOnlyKeys("User-Agent");
        assertThat(withKey.headers().toMap()).containsOnlyKeys("User-Agent", "Authorization");
        assertThat(withKey.headers().all("authorization")).isEqualTo(List.of("Bearer k"));

        attempt.header("Authorization", "Bearer other");
        assertThat(withKey.headers().all("Authorization")).containsExactly("Bearer k");
    }
}
