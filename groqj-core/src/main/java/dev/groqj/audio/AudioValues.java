package dev.groqj.audio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;
import dev.groqj.internal.resilience.GoDuration;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Defensive copies for the response records; JSON nulls inside a list or map survive (no {@code List.copyOf}). */
final class AudioValues {
    private AudioValues() {
    }

    /** Absent stays null: "not returned" differs from "returned empty". */
    static <T> List<T> listOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static Map<String, JsonValue> unknown(Map<String, JsonValue> map) {
        return UnknownFields.copyOf(map);
    }

    /**
     * Reads {@code duration} leniently: a number of seconds, a numeric string ({@code "12.5"}, as the spec says it is
     * a string), {@code [h:]mm:ss[.f]}, or a Go duration ({@code "1m2.5s"}); anything else reads as null rather than
     * failing the whole transcription.
     */
    static final class LenientSeconds extends JsonDeserializer<Double> {
        private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
            if (t != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return null;
            }
            return seconds(p.getText().trim());
        }

        static Double seconds(String text) {
            try {
                double value = Double.parseDouble(text);
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException notANumber) {
                Matcher m = CLOCK.matcher(text);
                if (m.matches()) {
                    double hours = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
                    return hours * 3600 + Double.parseDouble(m.group(2)) * 60 + Double.parseDouble(m.group(3));
                }
                Duration go = GoDuration.tryParse(text);
                return go == null ? null : go.toNanos() / 1e9;
            }
        }
    }
}
