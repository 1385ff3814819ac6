package dev.groqj.reranking;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Operation;

/**
 * Documents ordered by relevance to a query: {@code client.reranking().create(request)}. Obtained from
 * {@link dev.groqj.GroqClient#reranking()}.
 *
 * <pre>{@code
 * Reranking ranked = client.reranking().create(RerankingRequest.builder()
 *         .model(RerankingRequest.QWEN3_RERANKER_4B).query("rain").docs(List.of("sunny", "wet weather")).build());
 * ranked.results().get(0).doc();   // the most relevant document
 * }</pre>
 */
public final class RerankingService {
    static final Operation<RerankingRequest, Reranking> CREATE =
            Operation.<RerankingRequest>post("reranking.create", r -> "/reranking").json(r -> r)
                    .annotate((request, body, call) -> call.model(request.model()).request(request))
                    .returning(Reranking.class);

    private final ApiClient api;

    RerankingService(ApiClient api) {
        this.api = api;
    }

    public Reranking create(RerankingRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public Reranking create(RerankingRequest request, RequestOptions options) {
        return api.call(CREATE, request, options);
    }

    /** The ranking with the HTTP answer's status and headers. */
    public GroqResponse<Reranking> createWithResponse(RerankingRequest request, RequestOptions options) {
        return api.execute(CREATE, request, options);
    }
}
