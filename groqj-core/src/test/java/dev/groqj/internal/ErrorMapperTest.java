package dev.groqj.internal;

import dev.groqj.GroqClient;
import dev.groqj.ScriptedServer;
import dev.groqj.error.ApiException;
import dev.groqj.error.ServerException;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Error bodies that are not Groq's JSON become a short readable message. Hostile pages of 1 MB map in one
 * linear pass (the old regexes took ~21 s of CPU for 256 KB of unclosed {@code <script>}, and 12 s for 64 KB of
 * {@code <}); what is asserted here is the behaviour, the time is measured by hand.
 */
class ErrorMapperTest {
    private static final int ONE_MB = 1 << 20;

    private static String repeated(String unit, int bytes) {
        return unit.repeat(bytes / unit.length());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaDetailsAndDebugDataAreTypedOnTheException() {
        String body = "{\"error\":{\"message\":\"Generated JSON does not match the schema\",\"type\":"
                + "\"invalid_request_error\",\"code\":\"json_validate_failed\",\"schema_path\":"
                + "\"/properties/age/type\",\"schema_path_segments\":[\"properties\",\"age\",\"type\"],"
                + "\"schema_kind\":\"type\",\"schema_code\":\"invalid_type\",\"debug\":{\"input_tokens\":[\"a\"],"
                + "\"output_token_ids\":[7],\"trace\":{\"x\":[1]}}}}";

        dev.groqj.error.ApiException e = ErrorMapper.map(400, dev.groqj.transport.Headers.EMPTY,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, java.time.Clock.systemUTC());

        assertThat(e.errorMessage()).isEqualTo("Generated JSON does not match the schema");
        assertThat(e.getMessage()).startsWith("400 json_validate_failed: Generated JSON");
        assertThat(e.schemaPath()).isEqualTo("/properties/age/type");
        assertThat(e.schemaPathSegments()).containsExactly("properties", "age", "type");
        assertThat(e.schemaKind()).isEqualTo("type");
        assertThat(e.schemaCode()).isEqualTo("invalid_type");
        assertThat(e.debug().inputTokens()).containsExactly("a");
        assertThat(e.debug().outputTokenIds()).containsExactly(7L);
        assertThat(e.debug().additionalProperties()).containsKey("trace");
        assertThatThrownBy(() -> ((java.util.Map<String, Object>) e.debug().additionalProperties().get("trace"))
                .put("y", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anErrorWithoutSchemaFieldsLeavesThemNull() {
        dev.groqj.error.ApiException e = ErrorMapper.map(404, dev.groqj.transport.Headers.EMPTY,
                "{\"error\":{\"message\":\"nope\",\"debug\":\"not an object\"}}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), null, java.time.Clock.systemUTC());

        assertThat(e.errorMessage()).isEqualTo("nope");
        assertThat(e.schemaPath()).isNull();
        assertThat(e.schemaPathSegments()).isNull();
        assertThat(e.debug()).isNull();
    }

    @Test
    void proxyPageBecomesItsText() {
        String page = "<html><head><title>502 Bad Gateway</title><style>body { color: red }</style>"
                + "<SCRIPT type=\"text/javascript\">if (a < b) alert('x')</SCRIPT></head>"
                + "<body>\n<h1>502   Bad Gateway</h1><hr>cloudflare</body></html>";
        assertThat(ErrorMapper.plainMessage(502, page)).isEqualTo("502 Bad Gateway 502 Bad Gateway cloudflare");
    }

    @Test
    void unclosedScriptKeepsTheTextAfterItsTag() {
        assertThat(ErrorMapper.plainMessage(502, "<p>down</p><script>var x = 1")).isEqualTo("down var x = 1");
    }

    @Test
    void textWithALoneAngleBracketIsKept() {
        assertThat(ErrorMapper.plainMessage(500, "a > b")).isEqualTo("a > b");
        assertThat(ErrorMapper.plainMessage(500, "x <y")).isEqualTo("x <y");
    }

    @Test
    void emptyOrTagOnlyBodySaysSo() {
        assertThat(ErrorMapper.plainMessage(503, "")).isEqualTo("HTTP 503 with an empty body");
        assertThat(ErrorMapper.plainMessage(503, " <br> <hr/> ")).isEqualTo("HTTP 503 with an empty body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "<", "<a ", "<script>x</scrip", "<style>", "</script>", "<script><style>a",
            "<<>", "x<"})
    void megabyteOfHostileMarkupMapsToABoundedMessage(String unit) {
        byte[] body = repeated(unit, ONE_MB).getBytes(StandardCharsets.UTF_8);

        ApiException e = ErrorMapper.map(502, Headers.ofPairs("x-request-id", "req_1"), body,
                RateLimitStatus.UNKNOWN, Clock.systemUTC());

        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.requestId()).isEqualTo("req_1");
        assertThat(ErrorMapper.plainMessage(502, new String(body, StandardCharsets.UTF_8)))
                .hasSizeLessThanOrEqualTo(ErrorMapper.MAX_MESSAGE_CHARS + 1);
        assertThat(e.getMessage()).hasSizeLessThan(ErrorMapper.MAX_MESSAGE_CHARS + 100);
    }

    @Test
    void hostile502OverASocketIsAServerExceptionWithAShortMessage() {
        try (ScriptedServer server = new ScriptedServer()) {
            server.enqueue(ScriptedServer.Scripted.json(502, "<html><body>" + repeated("<script>", 256 * 1024)));
            GroqClient client = GroqClient.builder().apiKey("gsk_test_abcdefghijklmnop1234")
                    .baseUrl(server.baseUrl()).maxRetries(0).build();

            assertThatThrownBy(() -> client.models().list())
                    .isInstanceOfSatisfying(ServerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(502);
                        assertThat(e.getMessage()).startsWith("502: ").hasSizeLessThan(ErrorMapper.MAX_MESSAGE_CHARS);
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
