package dev.groqj.models;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;

import java.util.Objects;

/**
 * The models Groq serves: {@code client.models().list()}, {@code retrieve(id)}, {@code delete(id)}.
 * Ids may contain {@code /} ({@code openai/gpt-oss-120b}); they are sent as one encoded path segment.
 */
public final class ModelsService {
    private final ApiClient api;

    public ModelsService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public ModelList list() {
        return list(RequestOptions.DEFAULT);
    }

    public ModelList list(RequestOptions options) {
        return listWithResponse(options).value();
    }

    /** The list with the HTTP answer's status and headers. */
    public GroqResponse<ModelList> listWithResponse(RequestOptions options) {
        return api.getWithResponse("models.list", "/models", ModelList.class, options);
    }

    public Model retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public Model retrieve(String id, RequestOptions options) {
        return api.getWithResponse("models.retrieve", path(id), Model.class, options).value();
    }

    public ModelDeleted delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public ModelDeleted delete(String id, RequestOptions options) {
        return api.deleteWithResponse("models.delete", path(id), ModelDeleted.class, options).value();
    }

    static String path(String id) {
        return "/models/" + ApiClient.segment("id", id);
    }
}
