package dev.groqj.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;

import java.io.IOException;

/**
 * Reads one array element at its first token. Every {@link FieldReader} is one, so reading a list of them
 * makes no lambda per list. Not API.
 */
interface ElementReader<V> {
    V deserialize(JsonParser p, DeserializationContext c) throws IOException;
}
