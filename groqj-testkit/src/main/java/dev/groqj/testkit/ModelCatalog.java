package dev.groqj.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models the fake serves, with the fields Groq's {@code /models} answers carry. Thread-safe. */
final class ModelCatalog {
    enum Kind { CHAT, REASONING, SPEECH_TO_TEXT, TEXT_TO_SPEECH, EMBEDDING, RERANKING }

    record Entry(String id, String ownedBy, long created, int contextWindow, int maxCompletionTokens, Kind kind) {
        ObjectNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("id", id);
            node.put("object", "model");
            node.put("created", created);
            node.put("owned_by", ownedBy);
            node.put("active", true);
            node.put("context_window", contextWindow);
            node.putNull("public_apps");
            node.put("max_completion_tokens", maxCompletionTokens);
            return node;
        }
    }

    private static final List<Entry> DEFAULTS = List.of(
            new Entry("llama-3.3-70b-versatile", "Meta", 1733447754L, 131072, 32768, Kind.CHAT),
            new Entry("llama-3.1-8b-instant", "Meta", 1693721698L, 131072, 131072, Kind.CHAT),
            new Entry("openai/gpt-oss-120b", "OpenAI", 1754408224L, 131072, 65536, Kind.REASONING),
            new Entry("openai/gpt-oss-20b", "OpenAI", 1754407957L, 131072, 65536, Kind.REASONING),
            new Entry("qwen/qwen3-32b", "Alibaba Cloud", 1748396646L, 131072, 40960, Kind.REASONING),
            new Entry("whisper-large-v3", "OpenAI", 1693721698L, 448, 448, Kind.SPEECH_TO_TEXT),
            new Entry("whisper-large-v3-turbo", "OpenAI", 1728413088L, 448, 448, Kind.SPEECH_TO_TEXT),
            new Entry("playai-tts", "PlayAI", 1740682771L, 8192, 8192, Kind.TEXT_TO_SPEECH),
            new Entry("canopylabs/orpheus-v1-english", "Canopy Labs", 1766186316L, 4000, 50000,
                    Kind.TEXT_TO_SPEECH),
            new Entry("canopylabs/orpheus-arabic-saudi", "Canopy Labs", 1766186316L, 4000, 50000,
                    Kind.TEXT_TO_SPEECH),
            new Entry("nomic-embed-text-v1_5", "Nomic AI", 1721088000L, 8192, 8192, Kind.EMBEDDING),
            new Entry("qwen3-reranker-4b", "Alibaba Cloud", 1749686400L, 32768, 32768, Kind.RERANKING));

    private final Map<String, Entry> models = new LinkedHashMap<>();

    ModelCatalog() {
        reset();
    }

    synchronized void reset() {
        models.clear();
        DEFAULTS.forEach(e -> models.put(e.id(), e));
    }

    synchronized Entry find(String id) {
        return models.get(id);
    }

    /** The model named {@code id}, or a 404 {@code model_not_found} failure. */
    Entry require(String id) {
        Entry entry = find(id);
        if (entry == null) throw GroqErrors.Failure.modelNotFound(id);
        return entry;
    }

    synchronized boolean remove(String id) {
        return models.remove(id) != null;
    }

    synchronized List<Entry> all() {
        return new ArrayList<>(models.values());
    }
}
