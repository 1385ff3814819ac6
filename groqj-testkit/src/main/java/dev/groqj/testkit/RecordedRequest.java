package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groqj.JsonValue;
import dev.groqj.transport.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as {@link FakeGroqServer} received it, for assertions.
 *
 * <pre>{@code
 * RecordedRequest request = server.takeRequest();
 * assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
 * assertThat(request.json().get("model").asString()).isEqualTo("llama-3.3-70b-versatile");
 * }</pre>
 */
public final class RecordedRequest {
    private final String method;
    private final String rawPath;
    private final String path;
    private final String query;
    private final Headers headers;
    private final byte[] body;
    /** The server's own reading; {@link #json()} is the same JSON as a groqj value. */
    private final JsonNode tree;
    private final JsonValue json;
    private final List<Part> parts;
    private final Instant timestamp;

    RecordedRequest(String method, String rawPath, String path, String query, Headers headers, byte[] body,
                    JsonNode tree, List<Part> parts, Instant timestamp) {
        this.method = method;
        this.rawPath = rawPath;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.tree = tree;
        // through JSON text: JsonValue has no Jackson side in the exported API
        this.json = tree == null ? null : JsonValue.parse(tree.toString());
        this.parts = List.copyOf(parts);
        this.timestamp = timestamp;
    }

    /** @return the HTTP method: {@code GET}, {@code POST}, {@code DELETE} */
    public String method() {
        return method;
    }

    /**
     * The path as sent, percent-encoding kept: {@code /openai/v1/models/openai%2Fgpt-oss-120b}.
     *
     * @return the raw path
     */
    public String rawPath() {
        return rawPath;
    }

    /**
     * The path decoded: {@code /openai/v1/models/openai/gpt-oss-120b}.
     *
     * @return the decoded path
     */
    public String path() {
        return path;
    }

    /**
     * The raw query string, or null when there was none.
     *
     * @return the query string, or null
     */
    public String query() {
        return query;
    }

    /** @return every header of the request */
    public Headers headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the header's name, in any case
     * @return its first value, or null when the request has no such header
     */
    public String header(String name) {
        return headers.firstOrNull(name);
    }

    /** @return a copy of the body's bytes (empty when there was no body) */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body decoded as UTF-8 */
    public String bodyUtf8() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed as JSON, or null when it was not JSON (empty, multipart, or malformed).
     *
     * @return the JSON body, or null
     */
    public JsonValue json() {
        return json;
    }

    JsonNode tree() {
        return tree;
    }

    /**
     * The parts of a {@code multipart/form-data} body, in order; empty for other bodies.
     *
     * @return the parts, in order
     */
    public List<Part> parts() {
        return parts;
    }

    /**
     * The first part of a multipart body with a given name.
     *
     * @param name the part's (form field's) name
     * @return the part, or empty when there is none
     */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * When the server finished reading the request.
     *
     * @return the time, from the server's clock
     */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return method + " " + rawPath + " " + headers;
    }

    /** One part of a multipart body: a form field (no file name) or a file. */
    public static final class Part {
        private final String name;
        private final String filename;
        private final String contentType;
        private final byte[] bytes;

        Part(String name, String filename, String contentType, byte[] bytes) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.filename = filename;
            this.contentType = contentType;
            this.bytes = bytes;
        }

        /** @return the part's (form field's) name */
        public String name() {
            return name;
        }

        /**
         * The file name, or null for a plain field.
         *
         * @return the file name, or null
         */
        public String filename() {
            return filename;
        }

        /**
         * The part's Content-Type, or null when it sent none.
         *
         * @return the content type, or null
         */
        public String contentType() {
            return contentType;
        }

        /** @return a copy of the part's bytes */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** @return the part's length in bytes */
        public int size() {
            return bytes.length;
        }

        /** @return the part's bytes decoded as UTF-8 */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Part{name=" + name + (filename == null ? "" : ", filename=" + filename)
                    + (contentType == null ? "" : ", contentType=" + contentType) + ", size=" + bytes.length + "}";
        }
    }
}
