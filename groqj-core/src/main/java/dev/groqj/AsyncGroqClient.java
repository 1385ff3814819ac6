package dev.groqj;

import dev.groqj.audio.AsyncAudioService;
import dev.groqj.batches.AsyncBatchesService;
import dev.groqj.chat.AsyncChatService;
import dev.groqj.embeddings.AsyncEmbeddingsService;
import dev.groqj.files.AsyncFilesService;
import dev.groqj.finetunings.AsyncFineTuningsService;
import dev.groqj.internal.ApiClient;
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
    private final AsyncChatService chat;
    private final AsyncModelsService models;
    private final AsyncAudioService audio;
    private final AsyncFilesService files;
    private final AsyncBatchesService batches;
    private final AsyncRawService raw;
    private final AsyncResponsesService responses;
    private final AsyncEmbeddingsService embeddings;
    private final AsyncRerankingService reranking;
    private final AsyncFineTuningsService fineTunings;

    AsyncGroqClient(ApiClient api, AsyncChatService chat, AsyncModelsService models, AsyncAudioService audio,
                    AsyncFilesService files, AsyncBatchesService batches, AsyncRawService raw,
                    AsyncResponsesService responses, AsyncEmbeddingsService embeddings,
                    AsyncRerankingService reranking, AsyncFineTuningsService fineTunings) {
        this.api = api;
        this.embeddings = embeddings;
        this.reranking = reranking;
        this.fineTunings = fineTunings;
        this.chat = chat;
        this.models = models;
        this.audio = audio;
        this.files = files;
        this.batches = batches;
        this.raw = raw;
        this.responses = responses;
    }

    public AsyncChatService chat() {
        return chat;
    }

    public AsyncModelsService models() {
        return models;
    }

    public AsyncAudioService audio() {
        return audio;
    }

    public AsyncFilesService files() {
        return files;
    }

    public AsyncBatchesService batches() {
        return batches;
    }

    /** The Responses API (beta). */
    public AsyncResponsesService responses() {
        return responses;
    }

    public AsyncEmbeddingsService embeddings() {
        return embeddings;
    }

    public AsyncRerankingService reranking() {
        return reranking;
    }

    public AsyncFineTuningsService fineTunings() {
        return fineTunings;
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
        return raw;
    }
}
