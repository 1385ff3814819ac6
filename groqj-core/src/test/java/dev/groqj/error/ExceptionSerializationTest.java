package dev.groqj.error;

import dev.groqj.GroqClient;
import dev.groqj.ScriptedServer;
import dev.groqj.error.ApiException.ErrorDetails;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every exception the client throws survives Java serialization with its fields (e.g. across RMI or a cache). */
class ExceptionSerializationTest {
    private static final Headers HEADERS = Headers.ofPairs("x-request-id", "req_1", "retry-after", "3",
            "X-Multi", "a", "x-multi", "b");
    private static final ErrorDetails DETAILS = new ErrorDetails(503, "over capacity", "server_error",
            "service_unavailable", "model", "half an answer", "req_1", "{\"error\":{}}", HEADERS, "/properties/a",
            List.of("properties", "a"), "type", "invalid_type", null); // debug data is transient: see ApiException

    /** One instance of every exception type of the package, each with all its fields set. */
    private static List<GroqException> everyType() {
        IOException cause = new IOException("root cause");
        RateLimitStatus status = new RateLimitStatus(100L, 0L, Duration.ofMillis(7660), 6000L, 5L,
                Duration.ofSeconds(2), Instant.parse("2026-01-01T00:00:00Z"));
        return List.of(
                new GroqException("plain", cause),
                new ValidationException("apiKey", "must not contain control characters"),
                new NetworkException("reset", cause),
                new GroqTimeoutException("timed out", cause),
                new CircuitOpenException("open", Duration.ofSeconds(6)),
                new BudgetExceededException("no room", Duration.ofSeconds(18)),
                new CancelledException("interrupted", new InterruptedException("stop")),
                new FileSourceException("could not read talk.ogg", cause),
                new DecodingException("could not decode", cause, 200, "<html>", HEADERS),
                new ResponseTooLargeException("too large", 64L << 20, 200, HEADERS),
                new ApiException(DETAILS, cause),
                new BadRequestException(DETAILS),
                new AuthenticationException(DETAILS),
                new PermissionDeniedException(DETAILS),
                new NotFoundException(DETAILS),
                new RequestTooLargeException(DETAILS),
                new UnprocessableEntityException(DETAILS),
                new RateLimitException(DETAILS, Duration.ofSeconds(3), status),
                new CapacityExceededException(DETAILS),
                new ServerException(DETAILS),
                new StreamException(DETAILS, "partial", "thinking", cause),
                new ToolUseFailedException(DETAILS),
                new StructuredOutputException("Weather", "{\"city\": 12", "not a string"),
                new RefusalException("I can't help with that."));
    }

    @Test
    void everyExceptionTypeRoundTripsWithItsFields() throws Exception {
        for (GroqException original : everyType()) {
            GroqException copy = roundTrip(original);

            assertThat(copy).as(original.getClass().getSimpleName())
                    .isExactlyInstanceOf(original.getClass())
                    .hasMessage(original.getMessage())
                    .usingRecursiveComparison().isEqualTo(original);
            assertThat(copy.headers().firstOrNull("X-REQUEST-ID")).isEqualTo(original.headers().firstOrNull("x-request-id"));
            assertThat(copy.headers().all("x-multi")).isEqualTo(original.headers().all("x-multi"));
        }
    }

    @Test
    void theListAboveCoversEveryExceptionOfThePackage() throws URISyntaxException {
        File dir = new File(Objects.requireNonNull(GroqException.class.getResource("GroqException.class")).toURI())
                .getParentFile();
        List<String> declared = Arrays.stream(Objects.requireNonNull(dir.list()))
                .filter(name -> name.endsWith("Exception.class"))
                .map(name -> name.substring(0, name.length() - ".class".length()))
                .sorted().collect(Collectors.toList());

        assertThat(everyType().stream().map(e -> e.getClass().getSimpleName()).sorted().collect(Collectors.toList()))
                .isEqualTo(declared);
    }

    @Test
    void anExceptionWithTheJdksHeadersRoundTrips() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.json(503, "{\"error\":{\"message\":\"Service Unavailable\"}}", "x-request-id", "req_wire");
            GroqClient client = GroqClient.builder().apiKey("gsk_test_abcdefghijklmnop1234")
                    .baseUrl(server.baseUrl()).maxRetries(0).build();
            ServerException original = catchThrowableOfType(ServerException.class, () -> client.models().list());

            ServerException copy = roundTrip(original);

            assertThat(copy.requestId()).isEqualTo("req_wire");
            assertThat(copy.headers().toMap()).isEqualTo(original.headers().toMap());
            assertThat(copy.rawBody()).isEqualTo(original.rawBody());
            assertThat(copy.isRetryable()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
