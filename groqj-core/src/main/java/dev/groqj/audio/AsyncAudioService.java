package dev.groqj.audio;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Futures;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AudioService} without blocking: transcription, translation and speech with {@link CompletableFuture}
 * results; cancelling one aborts its HTTP exchange. The upload is streamed from the file as the transport
 * sends it, as in the blocking calls.
 *
 * <pre>{@code
 * client.async().audio().transcribe(TranscriptionRequest.builder()
 *         .file(Path.of("talk.wav")).model("whisper-large-v3-turbo").build())
 *     .thenAccept(t -> System.out.println(t.text()));
 * }</pre>
 *
 * <p>An invalid argument throws at once, as in the blocking calls; everything after fails the future.
 */
public final class AsyncAudioService {
    private final ApiClient api;

    public AsyncAudioService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public CompletableFuture<Transcription> transcribe(TranscriptionRequest request) {
        return transcribe(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Transcription> transcribe(TranscriptionRequest request, RequestOptions options) {
        return Futures.map(transcribeWithResponse(request, options), GroqResponse::value);
    }

    public CompletableFuture<GroqResponse<Transcription>> transcribeWithResponse(TranscriptionRequest request,
                                                                                RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return upload("audio.transcribe", "/audio/transcriptions", request, options);
    }

    /** Transcribes the audio into English text. */
    public CompletableFuture<Transcription> translate(TranslationRequest request) {
        return translate(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Transcription> translate(TranslationRequest request, RequestOptions options) {
        return Futures.map(translateWithResponse(request, options), GroqResponse::value);
    }

    public CompletableFuture<GroqResponse<Transcription>> translateWithResponse(TranslationRequest request,
                                                                               RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return upload("audio.translate", "/audio/translations", request, options);
    }

    /** The whole generated audio, in memory. */
    public CompletableFuture<byte[]> speech(SpeechRequest request) {
        return speech(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<byte[]> speech(SpeechRequest request, RequestOptions options) {
        return Futures.map(speechWithResponse(request, options), GroqResponse::value);
    }

    public CompletableFuture<GroqResponse<byte[]>> speechWithResponse(SpeechRequest request, RequestOptions options) {
        return Futures.map(api.sendAsync("audio.speech", "POST", "/audio/speech", AudioService.speechBody(request),
                AudioService.acceptAudio(options)),
                r -> new GroqResponse<>(r.body(), r.statusCode(), r.headers()));
    }

    private CompletableFuture<GroqResponse<Transcription>> upload(String operation, String path,
                                                                  AudioRequest request, RequestOptions options) {
        return Futures.map(api.sendAsync(operation, "POST", path, AudioService.uploadBody(request),
                AudioService.uploadOptions(request, options)), r -> AudioService.transcription(r, request));
    }
}
