package dev.groqj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fake's fine-tunings, in memory until deleted, at {@code /v1/fine_tunings} (beside {@code /openai/v1}, as on
 * Groq). A fine-tuning needs an uploaded input file and a chat model to start from; it is created finished, with a
 * {@code fine_tuned_model} named after its base model and id.
 */
final class FakeFineTunings {
    private final Clock clock;
    private final Map<String, ObjectNode> fineTunings = new LinkedHashMap<>();
    private long counter;

    FakeFineTunings(Clock clock) {
        this.clock = clock;
    }

    synchronized void reset() {
        fineTunings.clear();
    }

    synchronized ObjectNode list() {
        ObjectNode list = Json.MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        fineTunings.values().forEach(ft -> data.add(ft.deepCopy()));
        return list;
    }

    /** @param fileExists whether an uploaded file has this id */
    synchronized ObjectNode create(JsonNode request, ModelCatalog catalog, Predicate<String> fileExists) {
        String inputFileId = text(request, "input_file_id");
        String baseModel = text(request, "base_model");
        if (inputFileId == null) throw GroqErrors.Failure.invalid("input_file_id", "input_file_id is required");
        if (baseModel == null) throw GroqErrors.Failure.invalid("base_model", "base_model is required");
        ModelCatalog.Kind kind = catalog.require(baseModel).kind();
        if (kind != ModelCatalog.Kind.CHAT) {
            throw GroqErrors.Failure.invalid("base_model", "model `" + baseModel + "` cannot be fine-tuned");
        }
        if (!fileExists.test(inputFileId)) {
            throw new GroqErrors.Failure(404, "invalid_request_error", "not_found", "input_file_id",
                    "file '" + inputFileId + "' not found");
        }
        String id = FakeGroqServer.ulid("ft_", ++counter);
        ObjectNode ft = Json.MAPPER.createObjectNode().put("id", id)
                .put("name", request.hasNonNull("name") ? request.get("name").asText() : id)
                .put("base_model", baseModel)
                .put("type", request.hasNonNull("type") ? request.get("type").asText() : "lora")
                .put("input_file_id", inputFileId)
                .put("created_at", clock.instant().getEpochSecond())
                .put("fine_tuned_model", baseModel + ":ft:" + id.substring(3));
        fineTunings.put(id, ft);
        return read(ft);
    }

    synchronized ObjectNode retrieve(String id) {
        return read(require(id));
    }

    synchronized ObjectNode delete(String id) {
        fineTunings.remove(require(id).get("id").asText());
        return Json.MAPPER.createObjectNode().put("id", id).put("object", "fine_tuning").put("deleted", true);
    }

    private ObjectNode require(String id) {
        ObjectNode ft = fineTunings.get(id);
        if (ft == null) {
            throw new GroqErrors.Failure(404, "invalid_request_error", "not_found", null,
                    "fine tuning '" + id + "' not found");
        }
        return ft;
    }

    private static ObjectNode read(ObjectNode ft) {
        ObjectNode read = Json.MAPPER.createObjectNode().put("id", ft.get("id").asText()).put("object", "object");
        read.set("data", ft.deepCopy());
        return read;
    }

    private static String text(JsonNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
