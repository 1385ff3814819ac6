package dev.groqj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.groqj.internal.Json;
import dev.groqj.transport.Headers;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The project's test fixtures: recorded Groq traffic and the OpenAPI spec, read where the build put them.
 *
 * <pre>{@code
 * String spec = Fixtures.read("openapi/groqcloud-openapi.yaml");
 * List<Fixtures.Interaction> calls = Fixtures.cassette("recorded/openllmetry/test_chat_tracing/test_chat_legacy.yaml");
 * byte[] json = calls.get(0).responseBody();              // decoded: gzip and base64 undone
 * for (String cassette : Fixtures.chatCassettes()) { ... } // every cassette that calls chat/completions
 * }</pre>
 *
 * <p>The root is the system property {@code groqj.fixtures} (Surefire sets it, see the parent pom). When that is
 * unset or names no folder, as in a git worktree beside the checkout, the first {@code shared/fixtures} found
 * from the working directory upwards is used ({@code ../../shared/fixtures} from a module of the main checkout).
 * Paths are relative to the root: {@code recorded/...} and {@code openapi/...}.
 *
 * <p>When no folder is found (a fresh clone without {@code ../shared}), every test that asks for a fixture is
 * skipped with one message naming the folder, unless {@code groqj.fixtures.required} is {@code true} (set when
 * {@code CI=true}, see the parent pom): then it fails.
 *
 * <p>Cassettes come in two VCR dialects, both read into {@link Interaction}s:
 * <ul>
 *   <li>pydantic-ai's: request and JSON response bodies as YAML trees under {@code parsed_body}, SSE bodies as
 *       {@code body.string}; filtered headers.
 *   <li>standard VCR (openllmetry, agentops): {@code body} as a string, or {@code body.string} as text or
 *       {@code !!binary} (base64) bytes, gzipped when the response headers say {@code Content-Encoding: gzip};
 *       full headers, including {@code x-ratelimit-*}.
 * </ul>
 * A {@code parsed_body} comes back as compact JSON text (key order kept). A gzip body comes back un-gzipped, and
 * the headers that described the recorded encoding ({@code content-encoding}, {@code content-length},
 * {@code transfer-encoding}) are dropped, so a server replaying an interaction can send the body as is and
 * set its own framing.
 */
public final class Fixtures {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> ENCODING_HEADERS = Set.of("content-encoding", "content-length", "transfer-encoding");
    /** Cassettes are parsed once per JVM: the YAML is 3 MB, and many tests replay the same files. */
    private static final Map<String, List<Interaction>> CASSETTES = new ConcurrentHashMap<>();
    private static volatile Path root;
    /** Surefire shows no skip reasons, so the first skip says why on stderr, once per test JVM. */
    private static final AtomicBoolean SKIP_EXPLAINED = new AtomicBoolean();

    private Fixtures() {
    }

    /**
     * One recorded HTTP exchange.
     *
     * @param source        the cassette and the interaction's position in it, for assertion messages
     * @param requestBody   the request body as text (JSON for chat), or null when none was recorded
     * @param responseBody  the response body as it reached the client's parser: decoded and un-gzipped
     * @param contentType   the response's content type, e.g. {@code application/json} or
     *                      {@code text/event-stream}, or null when not recorded
     */
    public record Interaction(String source, String method, String uri, String requestBody, int status,
                              Headers responseHeaders, byte[] responseBody, String contentType) {

        /** The response body as UTF-8 text. */
        public String responseText() {
            return new String(responseBody, StandardCharsets.UTF_8);
        }

        /** The request's path, e.g. {@code /openai/v1/chat/completions}. */
        public String path() {
            return URI.create(uri).getPath();
        }

        public boolean isChatCompletion() {
            return uri.contains("chat/completions");
        }

        /** Whether the response is a server-sent event stream. */
        public boolean isStream() {
            return contentType != null && contentType.startsWith("text/event-stream");
        }

        @Override
        public String toString() {
            return source + " " + method + " " + uri + " -> " + status;
        }
    }

    /** The fixtures root folder; skips the calling test (or fails, when required) if there is none. */
    public static Path root() {
        Path r = root;
        if (r == null) root = r = findRoot();
        return r;
    }

    private static Path findRoot() {
        String property = System.getProperty("groqj.fixtures");
        if (property != null && Files.isDirectory(Path.of(property))) return Path.of(property).toAbsolutePath().normalize();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate.resolve("recorded"))) return candidate;
        }
        String message = "no fixtures folder " + property + " (system property groqj.fixtures), nor any"
                + " shared/fixtures above " + Path.of("").toAbsolutePath();
        if (Boolean.getBoolean("groqj.fixtures.required")) {
            throw new IllegalStateException(message + ", and groqj.fixtures.required is true (CI=true)");
        }
        message += ": tests that replay recorded traffic are skipped";
        if (SKIP_EXPLAINED.compareAndSet(false, true)) System.err.println("groqj: " + message);
        Assumptions.abort(message);
        throw new AssertionError("unreachable: abort throws");
    }

    /** The file at {@code relative} under the root; fails if it does not exist. */
    public static Path path(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) throw new IllegalArgumentException("no fixture " + relative + " under " + root());
        return path;
    }

    /** The file's text (UTF-8), e.g. a vercel-ai JSON body or {@code .chunks.txt} file. */
    public static String read(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code folder} whose names end with {@code suffix}, as sorted paths relative to the root. */
    public static List<String> list(String folder, String suffix) {
        try (Stream<Path> files = Files.walk(path(folder))) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
                    .map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every VCR cassette under {@code recorded/}. */
    public static List<String> cassettes() {
        return list("recorded", ".yaml");
    }

    /** Every cassette with at least one chat/completions interaction. */
    public static List<String> chatCassettes() {
        return loadAll().stream()
                .filter(c -> cassette(c).stream().anyMatch(Interaction::isChatCompletion))
                .collect(Collectors.toList());
    }

    /** Every chat/completions interaction of every cassette, in cassette order. */
    public static List<Interaction> chatInteractions() {
        List<Interaction> all = new ArrayList<>();
        for (String c : loadAll()) {
            cassette(c).stream().filter(Interaction::isChatCompletion).forEach(all::add);
        }
        return all;
    }

    /**
     * Every cassette, parsed on all cores first: SnakeYAML takes a good part of a second for each cassette that
     * holds an inline image, and together they take seconds.
     */
    private static List<String> loadAll() {
        List<String> all = cassettes();
        all.parallelStream().forEach(Fixtures::cassette);
        return all;
    }

    /** The interactions of one cassette, in recorded order. Treat the body arrays as read-only: they are shared. */
    public static List<Interaction> cassette(String relative) {
        return CASSETTES.computeIfAbsent(relative, Fixtures::load);
    }

    private static List<Interaction> load(String relative) {
        JsonNode tree;
        try {
            tree = YAML.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + relative, e);
        }
        List<Interaction> result = new ArrayList<>();
        JsonNode interactions = tree.path("interactions");
        for (int i = 0; i < interactions.size(); i++) {
            result.add(interaction(relative + "#" + i, interactions.get(i)));
        }
        return List.copyOf(result);
    }

    private static Interaction interaction(String source, JsonNode node) {
        JsonNode request = node.path("request");
        JsonNode response = node.path("response");
        Map<String, List<String>> headers = headers(response.path("headers"));
        boolean gzip = headers.getOrDefault("content-encoding", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip"));
        byte[] body = body(response);
        if (gzip) body = gunzip(body, source);
        headers.keySet().removeAll(ENCODING_HEADERS);
        List<String> contentType = headers.get("content-type");
        byte[] requestBody = body(request);
        return new Interaction(source,
                request.path("method").asText(),
                request.path("uri").asText(),
                requestBody == null ? null : new String(requestBody, StandardCharsets.UTF_8),
                response.path("status").path("code").asInt(),
                Headers.of(headers),
                body == null ? new byte[0] : body,
                contentType == null || contentType.isEmpty() ? null : contentType.get(0));
    }

    /** {@code parsed_body} (a YAML tree), {@code body} as text, or {@code body.string} as text or binary. */
    private static byte[] body(JsonNode message) {
        JsonNode parsed = message.get("parsed_body");
        if (parsed != null && !parsed.isNull()) return Json.write(parsed);
        JsonNode body = message.get("body");
        if (body == null || body.isNull()) return null;
        if (body.isObject()) body = body.get("string");
        if (body == null || body.isNull()) return null;
        if (body.isBinary()) {
            try {
                return body.binaryValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    /** Header names lower-cased; values as strings, whether the YAML holds a list or a scalar. */
    private static Map<String, List<String>> headers(JsonNode node) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> values = headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
            else values.add(e.getValue().asText());
        }
        return headers;
    }

    private static byte[] gunzip(byte[] body, String source) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gunzip the response body of " + source, e);
        }
    }
}
