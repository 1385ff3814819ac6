package dev.groqj.audio;

import dev.groqj.JsonValue;
import dev.groqj.internal.UnknownFields;

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
}
