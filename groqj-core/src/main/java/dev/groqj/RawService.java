package dev.groqj;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.BlockingEventStream;
import dev.groqj.internal.EventDecoder;
import dev.groqj.internal.Json;
import dev.groqj.internal.Operation;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.RequestBody;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Any endpoint, before groqj types it: a path relative to the base URL, called with the client's auth, retries,
 * rate limits, circuit breaker, error mapping and listeners, answered as {@link JsonValue}.
 *
 * <pre>{@code
 * GroqResponse<JsonValue> r = client.raw().post("/some/new/path", JsonValue.parse("{\"model\":\"m\"}"));
 * r.value().get("id").asString(); r.statusCode(); r.requestId();
 * try (EventStream<JsonValue> events = client.raw().stream("/chat/completions", body)) {
 *     for (JsonValue event : events) { ... }
 * }
 * }</pre>
 *
 * <p>A path starts with {@code /}, may carry a query, and has no {@code .} or {@code ..} segments (encoded or
 * not); anything else is refused with a {@link ValidationException} naming {@code path} before any byte is sent.
 * An error answer throws the same typed {@link dev.groqj.error.GroqException} as a typed call; an empty 2xx body
 * reads as {@link JsonValue#MISSING}; a body that is not JSON throws {@link dev.groqj.error.DecodingException}.
 */
public final class RawService {
    /** Each event's data is one JSON value; the stream engine handles {@code [DONE]}, errors and empty data. */
    static final EventDecoder<JsonValue> EVENTS = event -> Json.read(event.utf8(), JsonValue.class);

    /** One raw call: a checked path and, for POST, its body. */
    record Call(String path, JsonValue body) {
        Call {
            path = checkedPath(path);
        }
    }

    static final Operation<Call, JsonValue> GET = Operation.<Call>get("raw.get", Call::path).returning(RawService::value);
    static final Operation<Call, JsonValue> POST =
            Operation.<Call>post("raw.post", Call::path).body(c -> json(c.body())).returning(RawService::value);
    static final Operation<Call, JsonValue> DELETE =
            Operation.<Call>delete("raw.delete", Call::path).returning(RawService::value);
    /** Decoding is the stream's: {@link #EVENTS}. */
    static final Operation<Call, Void> STREAM = Operation.<Call>post("raw.stream", Call::path)
            .body(c -> json(c.body())).options((c, o) -> streamOptions(o)).returning((c, response) -> null);

    private final ApiClient api;

    RawService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public GroqResponse<JsonValue> get(String path) {
        return get(path, RequestOptions.DEFAULT);
    }

    public GroqResponse<JsonValue> get(String path, RequestOptions options) {
        return api.execute(GET, new Call(path, null), options);
    }

    /** POSTs {@code body} as JSON. */
    public GroqResponse<JsonValue> post(String path, JsonValue body) {
        return post(path, body, RequestOptions.DEFAULT);
    }

    public GroqResponse<JsonValue> post(String path, JsonValue body, RequestOptions options) {
        return api.execute(POST, new Call(path, body), options);
    }

    public GroqResponse<JsonValue> delete(String path) {
        return delete(path, RequestOptions.DEFAULT);
    }

    public GroqResponse<JsonValue> delete(String path, RequestOptions options) {
        return api.execute(DELETE, new Call(path, null), options);
    }

    /** {@link #stream(String, JsonValue, RequestOptions)} with the default options. */
    public EventStream<JsonValue> stream(String path, JsonValue body) {
        return stream(path, body, RequestOptions.DEFAULT);
    }

    /**
     * POSTs {@code body} and reads the answer as server-sent events, each event's data parsed as JSON, as chat
     * streams are read: it ends at {@code [DONE]}, fails on {@code event: error} or an error object with a
     * {@link dev.groqj.error.StreamException}. A failure before the stream opens is retried; after it, never.
     */
    public EventStream<JsonValue> stream(String path, JsonValue body, RequestOptions options) {
        return new BlockingEventStream<>(api.openStream(STREAM, streamCall(path, body), options), EVENTS);
    }

    /** A stream's call, checked at once so that a bad path or body throws before anything is sent. */
    static Call streamCall(String path, JsonValue body) {
        json(body);
        return new Call(path, body);
    }

    /**
     * {@code path}, if it names a resource below the base URL: it starts with one {@code /} (so there is no scheme
     * or host), parses as a URI reference, and has no fragment and no dot segments, which servers resolve (many
     * after decoding {@code %2E}) to climb out of the base path.
     */
    static String checkedPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new ValidationException("path", "must start with a single '/' (relative to the base URL), was "
                    + path);
        }
        URI uri;
        try {
            uri = new URI(path);
        } catch (URISyntaxException e) {
            throw new ValidationException("path", "is not a valid URI path: " + e.getMessage());
        }
        if (uri.getRawFragment() != null) throw new ValidationException("path", "must not have a fragment: " + path);
        for (String segment : uri.getRawPath().split("/", -1)) {
            String dots = segment.replace("%2e", ".").replace("%2E", ".");
            if (dots.equals(".") || dots.equals("..")) {
                throw new ValidationException("path", "must not have '.' or '..' segments: " + path);
            }
        }
        return path;
    }

    static RequestBody json(JsonValue body) {
        Objects.requireNonNull(body, "body == null");
        if (body.isMissing()) throw new ValidationException("body", "MISSING is not JSON");
        return RequestBody.json(body.toJson().getBytes(StandardCharsets.UTF_8));
    }

    static RequestOptions streamOptions(RequestOptions options) {
        RequestOptions o = options == null ? RequestOptions.DEFAULT : options;
        return o.toBuilder().header("Accept", "text/event-stream").build();
    }

    /** An empty body (a 204, say) reads as {@link JsonValue#MISSING}. */
    private static JsonValue value(Call call, HttpResponse response) {
        return response.body().length == 0 ? JsonValue.MISSING : Json.decode(response, JsonValue.class);
    }
}
