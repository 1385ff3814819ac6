package dev.groqj.embeddings;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Operation;
import dev.groqj.observability.ResponseInfo;
import dev.groqj.observability.TokenUsage;

/**
 * Embedding vectors of texts: {@code client.embeddings().create(request)}. Obtained from
 * {@link dev.groqj.GroqClient#embeddings()}.
 *
 * <pre>{@code
 * EmbeddingList list = client.embeddings().create(EmbeddingRequest.builder()
 *         .model(EmbeddingRequest.NOMIC_EMBED_TEXT_V1_5).input(List.of("cats purr", "dogs bark")).build());
 * double similarity = list.data().get(0).cosineSimilarity(list.data().get(1));
 * }</pre>
 */
public final class EmbeddingsService {
    static final Operation<EmbeddingRequest, EmbeddingList> CREATE =
            Operation.<EmbeddingRequest>post("embeddings.create", r -> "/embeddings").json(r -> r)
                    .annotate((request, body, call) -> call.model(request.model()).request(request)
                            .estimatedTokens(body.contentLength() / 4 + 1))
                    .returning(EmbeddingList.class).describedBy(EmbeddingsService::describe);

    private final ApiClient api;

    EmbeddingsService(ApiClient api) {
        this.api = api;
    }

    public EmbeddingList create(EmbeddingRequest request) {
        return create(request, RequestOptions.DEFAULT);
    }

    public EmbeddingList create(EmbeddingRequest request, RequestOptions options) {
        return api.call(CREATE, request, options);
    }

    /** The embeddings with the HTTP answer's status and headers. */
    public GroqResponse<EmbeddingList> createWithResponse(EmbeddingRequest request, RequestOptions options) {
        return api.execute(CREATE, request, options);
    }

    /** Listeners and token budgets learn the prompt tokens; an embedding has no completion tokens. */
    private static ResponseInfo describe(EmbeddingList list) {
        ResponseInfo.Builder info = ResponseInfo.builder().model(list.model()).value(list);
        if (list.usage() != null) info.usage(TokenUsage.of(list.usage().promptTokens(), 0));
        return info.build();
    }
}
