package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fake's embeddings and reranking, deterministic and meaningful enough to test with: an embedding hashes each
 * word of the text into one of {@link #DIMENSIONS} signed buckets and normalizes, so texts that share words are
 * closer; reranking scores a document by the share of the query's words it contains. A token is a word, as in chat.
 */
final class FakeEmbeddings {
    /** As nomic-embed-text-v1_5. */
    static final int DIMENSIONS = 768;
    private static final int MAX_INPUTS = 2048;
    private static final int MAX_DOCS = 100;

    private FakeEmbeddings() {
    }

    /** A request's answer and its prompt tokens, for the quotas. */
    record Result(ObjectNode body, long promptTokens) {
    }

    static Result embed(JsonNode request, ModelCatalog catalog) {
        onlyKnownFields(request, "model", "input", "encoding_format", "user");
        String model = requireModel(request, catalog, ModelCatalog.Kind.EMBEDDING, "embeddings");
        JsonNode input = request.get("input");
        List<String> texts = new ArrayList<>();
        if (input != null && input.isTextual()) {
            texts.add(input.asText());
        } else if (input != null && input.isArray() && !input.isEmpty() && input.size() <= MAX_INPUTS) {
            input.forEach(item -> {
                if (!item.isTextual()) throw GroqErrors.Failure.invalid("input", "input items must be strings");
                texts.add(item.asText());
            });
        } else {
            throw GroqErrors.Failure.invalid("input", "input must be a string or an array of 1 to " + MAX_INPUTS
                    + " strings");
        }
        if (texts.stream().anyMatch(String::isEmpty)) {
            throw GroqErrors.Failure.invalid("input", "input cannot be an empty string");
        }
        JsonNode format = request.get("encoding_format");
        if (format != null && !format.isNull() && !List.of("float", "base64").contains(format.asText())) {
            throw GroqErrors.Failure.invalid("encoding_format", "encoding_format must be 'float' or 'base64'");
        }
        boolean base64 = format != null && "base64".equals(format.asText());
        ObjectNode body = Json.MAPPER.createObjectNode().put("object", "list").put("model", model);
        ArrayNode data = body.putArray("data");
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = vector(texts.get(i));
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : vector) bytes.putFloat(f);
                item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                ArrayNode numbers = item.putArray("embedding");
                for (float f : vector) numbers.add(f);
            }
            tokens += words(texts.get(i)).size();
        }
        body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return new Result(body, tokens);
    }

    static Result rerank(JsonNode request, ModelCatalog catalog) {
        onlyKnownFields(request, "model", "query", "docs", "instruction");
        requireModel(request, catalog, ModelCatalog.Kind.RERANKING, "reranking");
        JsonNode query = request.get("query");
        if (query == null || !query.isTextual()) throw GroqErrors.Failure.invalid("query", "query is required");
        JsonNode docs = request.get("docs");
        if (docs == null || !docs.isArray() || docs.isEmpty() || docs.size() > MAX_DOCS) {
            throw GroqErrors.Failure.invalid("docs", "docs must be an array of 1 to " + MAX_DOCS + " strings");
        }
        JsonNode instruction = request.get("instruction");
        if (instruction != null && !instruction.isNull() && !instruction.isTextual()) {
            throw GroqErrors.Failure.invalid("instruction", "instruction must be a string");
        }
        Set<String> wanted = new HashSet<>(words(query.asText()));
        record Scored(String doc, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        long tokens = wanted.size();
        for (JsonNode doc : docs) {
            if (!doc.isTextual() || doc.asText().isEmpty()) {
                throw GroqErrors.Failure.invalid("docs", "each document must be a non-empty string");
            }
            List<String> words = words(doc.asText());
            tokens += words.size();
            long shared = wanted.stream().filter(words::contains).count();
            scored.add(new Scored(doc.asText(), wanted.isEmpty() ? 0 : (double) shared / wanted.size()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()); // stable: ties keep the request's order
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode results = body.putArray("results");
        scored.forEach(s -> results.addObject().put("doc", s.doc()).put("score", s.score()));
        return new Result(body, tokens);
    }

    /** Each word adds ±1 to a bucket picked by its hash; the sum is scaled to length 1. */
    static float[] vector(String text) {
        double[] sums = new double[DIMENSIONS];
        for (String word : words(text)) {
            int h = word.hashCode() * 0x9E3779B1;
            sums[Math.floorMod(h, DIMENSIONS)] += (h & 0x10000) == 0 ? 1 : -1;
        }
        double norm = 0;
        for (double v : sums) norm += v * v;
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) vector[i] = norm == 0 ? 0 : (float) (sums[i] / Math.sqrt(norm));
        return vector;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    /** Groq's schemas for these endpoints allow no other properties. */
    private static void onlyKnownFields(JsonNode request, String... known) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of(known).contains(name)) {
                throw GroqErrors.Failure.invalid(name, "property '" + name + "' is unsupported");
            }
        }
    }

    private static String requireModel(JsonNode request, ModelCatalog catalog, ModelCatalog.Kind kind, String what) {
        JsonNode model = request.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw GroqErrors.Failure.invalid("model", "model is required");
        }
        if (catalog.require(model.asText()).kind() != kind) {
            throw GroqErrors.Failure.invalid("model", "model `" + model.asText() + "` does not support " + what);
        }
        return model.asText();
    }
}
