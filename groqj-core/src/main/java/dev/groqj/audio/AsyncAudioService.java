package dev.groqj.audio;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AudioService} without blocking: transcription, translation and speech with {@link CompletableFuture}
 * results; cancelling one aborts its HTTP exchange. The upload is streamed from the file as the transport
 * sends it, as in the blocking calls; speech written to a path or stream is written as each piece arrives.
 * Obtained from {@code client.async().audio()}.
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

    AsyncAudioService(ApiClient api) {
        this.api = api;
    }

    public CompletableFuture<Transcription> transcribe(TranscriptionRequest request) {
        return transcribe(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Transcription> transcribe(TranscriptionRequest request, RequestOptions options) {
        return api.callAsync(AudioService.TRANSCRIBE, request, options);
    }

    public CompletableFuture<GroqResponse<Transcription>> transcribeWithResponse(TranscriptionRequest request,
                                                                                RequestOptions options) {
        return api.executeAsync(AudioService.TRANSCRIBE, request, options);
    }

    /** Transcribes the audio into English text. */
    public CompletableFuture<Transcription> translate(TranslationRequest request) {
        return translate(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Transcription> translate(TranslationRequest request, RequestOptions options) {
        return api.callAsync(AudioService.TRANSLATE, request, options);
    }

    public CompletableFuture<GroqResponse<Transcription>> translateWithResponse(TranslationRequest request,
                                                                               RequestOptions options) {
        return api.executeAsync(AudioService.TRANSLATE, request, options);
    }

    /** The whole generated audio, in memory. */
    public CompletableFuture<byte[]> speech(SpeechRequest request) {
        return speech(request, RequestOptions.DEFAULT);
    }

    public CompletableFuture<byte[]> speech(SpeechRequest request, RequestOptions options) {
        return api.callAsync(AudioService.SPEECH, request, options);
    }

    public CompletableFuture<GroqResponse<byte[]>> speechWithResponse(SpeechRequest request, RequestOptions options) {
        return api.executeAsync(AudioService.SPEECH, request, options);
    }

    /** Writes the audio to {@code file} as it arrives, replacing it only once all came; the byte count. */
    public CompletableFuture<Long> speech(SpeechRequest request, Path file) {
        return speech(request, file, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Long> speech(SpeechRequest request, Path file, RequestOptions options) {
        return api.downloadAsync(AudioService.SPEECH, request, file, options);
    }

    /** Writes the audio to {@code out} as it arrives (does not close it); the byte count. */
    public CompletableFuture<Long> speech(SpeechRequest request, OutputStream out) {
        return speech(request, out, RequestOptions.DEFAULT);
    }

    public CompletableFuture<Long> speech(SpeechRequest request, OutputStream out, RequestOptions options) {
        return api.downloadAsync(AudioService.SPEECH, request, out, options);
    }
}
