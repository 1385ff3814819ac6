package dev.groqj.audio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response object that keeps the fields groqj does not model, so nothing Groq sends is lost. Not API. */
abstract class WireObject {
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Fields groqj does not model, by their wire names, as Jackson reads them (maps, lists, numbers, strings). */
    @JsonAnyGetter
    public Map<String, Object> additionalProperties() {
        return Collections.unmodifiableMap(additionalProperties);
    }

    @JsonAnySetter
    void additionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
