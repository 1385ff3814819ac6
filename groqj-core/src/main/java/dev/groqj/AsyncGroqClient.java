package dev.groqj;

import dev.groqj.audio.AsyncAudioService;
import dev.groqj.batches.AsyncBatchesService;
import dev.groqj.chat.AsyncChatService;
import dev.groqj.embeddings.AsyncEmbeddingsService;
import dev.groqj.files.AsyncFilesService;
import dev.groqj.finetunings.AsyncFineTuningsService;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Services;
import dev.groqj.models.AsyncModelsService;
import dev.groqj.resilience.RateLimitStatus;
import dev.groqj.responses.AsyncResponsesService;
import dev.groqj.reranking.AsyncRerankingService;

import java.util.Objects;

/**
 * The non-blocking face of a {@link GroqClient}: every call with a {@link java.util.concurrent.CompletableFuture}
 * result, on the transport's non-blocking path. It shares the client's connections, retries, rate-limit state,
 * circuit breaker and listeners.
 *
 * <pre>{@code
 * AsyncGroqClient async = client.async();
 * CompletableFuture<ChatCompletion> c = async.chat().create(request);
 * CompletableFuture<ModelList> models = async.models().list();
 * CompletableFuture<Transcription> t = async.audio().transcribe(transcriptionRequest);
 * c.cancel(true);   // aborts the HTTP exchange
 * }</pre>
 */
public final class AsyncGroqClient {
    private final ApiClient api;
    // created on first use, as GroqClient's blocking services are
    private final Services.Lazy<AsyncChatService> chat;
    private final Services.Lazy<AsyncModelsService> models;
    private final Services.Lazy<AsyncAudioService> audio;
    private final Services.Lazy<AsyncFilesService> files;
    private final Services.Lazy<AsyncBatchesService> batches;
    private final Services.Lazy<AsyncRawService> raw;
    private final Services.Lazy<AsyncResponsesService> responses;
    private final Services.Lazy<AsyncEmbeddingsService> embeddings;
    private final Services.Lazy<AsyncRerankingService> reranking;
    private final Services.Lazy<AsyncFineTuningsService> fineTunings;

    AsyncGroqClient(ApiClient api) {
        this.api = api;
        this.chat = Services.lazy(AsyncChatService.class, api);
        this.models = Services.lazy(AsyncModelsService.class, api);
        this.audio = Services.lazy(AsyncAudioService.class, api);
        this.files = Services.lazy(AsyncFilesService.class, api);
        this.batches = Services.lazy(AsyncBatchesService.class, api);
        this.raw = Services.lazy(AsyncRawService.class, api);
        this.responses = Services.lazy(AsyncResponsesService.class, api);
        this.embeddings = Services.lazy(AsyncEmbeddingsService.class, api);
        this.reranking = Services.lazy(AsyncRerankingService.class, api);
        this.fineTunings = Services.lazy(AsyncFineTuningsService.class, api);
    }

    public AsyncChatService chat() {
        return chat.get();
    }

    public AsyncModelsService models() {
        return models.get();
    }

    public AsyncAudioService audio() {
        return audio.get();
    }

    public AsyncFilesService files() {
        return files.get();
    }

    public AsyncBatchesService batches() {
        return batches.get();
    }

    /** The Responses API (beta). */
    public AsyncResponsesService responses() {
        return responses.get();
    }

    public AsyncEmbeddingsService embeddings() {
        return embeddings.get();
    }

    public AsyncRerankingService reranking() {
        return reranking.get();
    }

    public AsyncFineTuningsService fineTunings() {
        return fineTunings.get();
    }

    /** Groq's rate-limit state as of the last response, of any model: {@link GroqClient#rateLimitStatus()}. */
    public RateLimitStatus rateLimitStatus() {
        return api.rateLimitStatus();
    }

    /** Groq's rate-limit state for {@code model}: {@link GroqClient#rateLimitStatus(String)}. */
    public RateLimitStatus rateLimitStatus(String model) {
        return api.rateLimitStatus(Objects.requireNonNull(model, "model == null"));
    }

    /** Any endpoint by its path, answered as {@link JsonValue}. */
    public AsyncRawService raw() {
        return raw.get();
    }
}
