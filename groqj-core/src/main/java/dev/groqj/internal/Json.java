package dev.groqj.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.groqj.error.DecodingException;
import dev.groqj.error.GroqException;
import dev.groqj.internal.codec.ChatReaders;
import dev.groqj.internal.codec.ChatRequestSerializer;
import dev.groqj.transport.Headers;
import dev.groqj.transport.HttpResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one configured Jackson mapper: unknown fields tolerated, nulls never written. Not API. */
public final class Json {
    public static final ObjectMapper MAPPER = dataBinding()
            .addModule(ChatReaders.MODULE)
            .addModule(ChatRequestSerializer.MODULE)
            .build();

    /** A reader per type, so a read skips the mapper's lookup of the root deserializer. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    /** How much of an undecodable body an exception keeps: enough to see what came, bounded whatever came. */
    static final int MAX_EXCERPT_BYTES = 2048;

    private Json() {
    }

    /**
     * The mapper's configuration without the hand-written codecs of the hot types: plain data binding, which
     * those codecs must equal.
     */
    public static JsonMapper.Builder dataBinding() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addModule(JsonValues.MODULE);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new GroqException("could not encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GroqException("could not encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Decodes a body that did not come with an answer (a stream event, a line of a file). */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return READERS.get(type).readValue(json);
        } catch (IOException e) {
            throw undecodable(type, e, 0, json, null);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return READERS.get(type).readValue(json);
        } catch (IOException e) {
            throw undecodable(type, e, 0, json.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** Decodes the body of {@code response}; a failure keeps its status, request id and an excerpt. */
    public static <T> T decode(HttpResponse response, Class<T> type) {
        try {
            return READERS.get(type).readValue(response.body());
        } catch (IOException e) {
            throw undecodable(type, e, response.statusCode(), response.body(), response.headers());
        }
    }

    private static DecodingException undecodable(Class<?> type, IOException e, int status, byte[] body,
                                                 Headers headers) {
        String excerpt = new String(body, 0, Math.min(body.length, MAX_EXCERPT_BYTES), StandardCharsets.UTF_8);
        return new DecodingException("could not decode " + type.getSimpleName() + " from the "
                + (status == 0 ? "" : status + " ") + "response (" + body.length + " bytes): "
                + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e, status, excerpt,
                headers);
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
