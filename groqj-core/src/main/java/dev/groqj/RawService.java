package dev.groqj;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.BlockingEventStream;
import dev.groqj.internal.EventDecoder;
import dev.groqj.internal.Json;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.RequestBody;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
    static final EventDecoder<JsonValue> EVENTS = event -> Json.read(event.data(), JsonValue.class);

    private final ApiClient api;

    RawService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public GroqResponse<JsonValue> get(String path) {
        return get(path, RequestOptions.DEFAULT);
    }

    public GroqResponse<JsonValue> get(String path, RequestOptions options) {
        return call("GET", path, null, options);
    }

    /** POSTs {@code body} as JSON. */
    public GroqResponse<JsonValue> post(String path, JsonValue body) {
        return post(path, body, RequestOptions.DEFAULT);
    }

    public GroqResponse<JsonValue> post(String path, JsonValue body, RequestOptions options) {
        return call("POST", path, json(body), options);
    }

    public GroqResponse<JsonValue> delete(String path) {
        return delete(path, RequestOptions.DEFAULT);
    }

    public GroqResponse<JsonValue> delete(String path, RequestOptions options) {
        return call("DELETE", path, null, options);
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
        String checked = checkedPath(path);
        RequestBody json = json(body);
        return new BlockingEventStream<>(api.openStream(ApiClient.call("raw.stream", "POST", checked), json,
                streamOptions(options)), EVENTS);
    }

    private GroqResponse<JsonValue> call(String method, String path, RequestBody body, RequestOptions options) {
        return value(api.send(operation(method), method, checkedPath(path), body, options));
    }

    /** The operation listeners and metrics see: {@code raw.get}, {@code raw.post}, {@code raw.delete}. */
    static String operation(String method) {
        return "raw." + method.toLowerCase(Locale.ROOT);
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

    static GroqResponse<JsonValue> value(HttpResponse response) {
        JsonValue value = response.body().length == 0 ? JsonValue.MISSING : Json.decode(response, JsonValue.class);
        return new GroqResponse<>(value, response.statusCode(), response.headers());
    }
}
