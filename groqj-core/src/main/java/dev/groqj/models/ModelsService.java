package dev.groqj.models;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Operation;

/**
 * The models Groq serves: {@code client.models().list()}, {@code retrieve(id)}, {@code delete(id)}.
 * Ids may contain {@code /} ({@code openai/gpt-oss-120b}); they are sent as one encoded path segment.
 * Obtained from {@link dev.groqj.GroqClient#models()}.
 */
public final class ModelsService {
    static final Operation<Void, ModelList> LIST =
            Operation.<Void>get("models.list", q -> "/models").returning(ModelList.class);
    static final Operation<String, Model> RETRIEVE =
            Operation.get("models.retrieve", ModelsService::path).returning(Model.class);
    static final Operation<String, ModelDeleted> DELETE =
            Operation.delete("models.delete", ModelsService::path).returning(ModelDeleted.class);

    private final ApiClient api;

    ModelsService(ApiClient api) {
        this.api = api;
    }

    public ModelList list() {
        return list(RequestOptions.DEFAULT);
    }

    public ModelList list(RequestOptions options) {
        return api.call(LIST, null, options);
    }

    /** The list with the HTTP answer's status and headers. */
    public GroqResponse<ModelList> listWithResponse(RequestOptions options) {
        return api.execute(LIST, null, options);
    }

    public Model retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public Model retrieve(String id, RequestOptions options) {
        return api.call(RETRIEVE, id, options);
    }

    public GroqResponse<Model> retrieveWithResponse(String id, RequestOptions options) {
        return api.execute(RETRIEVE, id, options);
    }

    public ModelDeleted delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public ModelDeleted delete(String id, RequestOptions options) {
        return api.call(DELETE, id, options);
    }

    public GroqResponse<ModelDeleted> deleteWithResponse(String id, RequestOptions options) {
        return api.execute(DELETE, id, options);
    }

    private static String path(String id) {
        return "/models/" + ApiClient.segment("id", id);
    }
}
