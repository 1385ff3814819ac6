package dev.groqj.finetunings;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Operation;

/**
 * Fine-tunings (a closed beta of Groq's): {@code list()}, {@code create(request)}, {@code retrieve(id)},
 * {@code delete(id)}. Obtained from {@link dev.groqj.GroqClient#fineTunings()}.
 *
 * <pre>{@code
 * FineTuningResult created = client.fineTunings().create(request);
 * client.fineTunings().retrieve(created.data().id()).data().fineTunedModel();
 * }</pre>
 *
 * <p>Groq serves them at {@code /v1/fine_tunings}, beside {@code /openai/v1} rather than under it: the client
 * sends them to its base URL without the {@code /openai/v1} ending ({@code https://api.groq.com/v1/fine_tunings}
 * by default).
 */
public final class FineTuningsService {
    private static final String PATH = "/v1/fine_tunings";

    static final Operation<Void, FineTuningList> LIST =
            Operation.<Void>get("fineTunings.list", q -> PATH).atApiRoot().returning(FineTuningList.class);
    static final Operation<FineTuningCreateRequest, FineTuningResult> CREATE =
            Operation.<FineTuningCreateRequest>post("fineTunings.create", q -> PATH).atApiRoot().json(r -> r)
                    .annotate((request, body, call) -> call.model(request.baseModel()).request(request))
                    .returning(FineTuningResult.class);
    static final Operation<String, FineTuningResult> RETRIEVE =
            Operation.get("fineTunings.retrieve", FineTuningsService::path).atApiRoot()
                    .returning(FineTuningResult.class);
    static final Operation<String, FineTuningDeleted> DELETE =
            Operation.delete("fineTunings.delete", FineTuningsService::path).atApiRoot()
                    .returning(FineTuningDeleted.class);

    private final ApiClient api;

    FineTuningsService(ApiClient api) {
        this.api = api;
    }

    public FineTuningList list() {
        return list(RequestOptions.DEFAULT);
    }

    public FineTuningList list(RequestOptions options) {
        return api.call(LIST, null, options);
    }

    public GroqResponse<FineTuningList> listWithResponse(RequestOptions options) {
        return api.execute(LIST, null, options);
    }

    public FineTuningResult create(FineTuningCreateRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public FineTuningResult create(FineTuningCreateRequest request, RequestOptions options) {
        return api.call(CREATE, request, options);
    }

    public GroqResponse<FineTuningResult> createWithResponse(FineTuningCreateRequest request,
                                                             RequestOptions options) {
        return api.execute(CREATE, request, options);
    }

    public FineTuningResult retrieve(String id) {
        return retrieve(id, RequestOptions.DEFAULT);
    }

    public FineTuningResult retrieve(String id, RequestOptions options) {
        return api.call(RETRIEVE, id, options);
    }

    public GroqResponse<FineTuningResult> retrieveWithResponse(String id, RequestOptions options) {
        return api.execute(RETRIEVE, id, options);
    }

    public FineTuningDeleted delete(String id) {
        return delete(id, RequestOptions.DEFAULT);
    }

    public FineTuningDeleted delete(String id, RequestOptions options) {
        return api.call(DELETE, id, options);
    }

    public GroqResponse<FineTuningDeleted> deleteWithResponse(String id, RequestOptions options) {
        return api.execute(DELETE, id, options);
    }

    static String path(String id) {
        return PATH + "/" + ApiClient.segment("id", id);
    }
}
