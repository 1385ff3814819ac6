package dev.groqj.audio;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Download;
import dev.groqj.internal.Json;
import dev.groqj.internal.Operation;
import dev.groqj.internal.Uploads;
import dev.groqj.transport.HttpResponse;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Groq's audio endpoints: speech to text ({@link #transcribe}, {@link #translate}) and text to speech
 * ({@link #speech}).
 *
 * <pre>{@code
 * Transcription t = client.audio().transcribe(TranscriptionRequest.builder()
 *         .file(Path.of("talk.wav"))
 *         .model(TranscriptionRequest.WHISPER_LARGE_V3_TURBO)
 *         .build());
 * client.audio().speech(SpeechRequest.builder()
 *         .model(SpeechRequest.ORPHEUS_V1_ENGLISH).voice("autumn").input("Hello!").responseFormat(SpeechFormat.WAV)
 *         .build(), Path.of("hello.wav"));
 * }</pre>
 *
 * <p>Uploads stream the file as it is sent: a 25 MB file does not take 25 MB of heap, and a retry reads the file
 * again from its start. A file made with {@link AudioFile#ofStream} can be read only once, so its calls are not
 * retried. Speech written to a path or stream is written as it arrives. Obtained from
 * {@link dev.groqj.GroqClient#audio()}.
 */
public final class AudioService {
    static final Operation<TranscriptionRequest, Transcription> TRANSCRIBE =
            upload("audio.transcribe", "/audio/transcriptions");
    static final Operation<TranslationRequest, Transcription> TRANSLATE =
            upload("audio.translate", "/audio/translations");
    /** The answer is audio, not the client's default {@code application/json}; a caller's own Accept wins. */
    static final Operation<SpeechRequest, byte[]> SPEECH =
            Operation.<SpeechRequest>post("audio.speech", r -> "/audio/speech")
                    .json(r -> r)
                    .options((r, o) -> Download.accept(o, "audio/*"))
                    .returningBytes();

    private final ApiClient api;

    AudioService(ApiClient api) {
        this.api = api;
    }

    public Transcription transcribe(TranscriptionRequest request) {
        return transcribe(request, RequestOptions.DEFAULT);
    }

    public Transcription transcribe(TranscriptionRequest request, RequestOptions options) {
        return api.call(TRANSCRIBE, request, options);
    }

    /** The transcription with the HTTP answer's status and headers. */
    public GroqResponse<Transcription> transcribeWithResponse(TranscriptionRequest request, RequestOptions options) {
        return api.execute(TRANSCRIBE, request, options);
    }

    /** Transcribes the audio into English text. */
    public Transcription translate(TranslationRequest request) {
        return translate(request, RequestOptions.DEFAULT);
    }

    public Transcription translate(TranslationRequest request, RequestOptions options) {
        return api.call(TRANSLATE, request, options);
    }

    /** The translation with the HTTP answer's status and headers. */
    public GroqResponse<Transcription> translateWithResponse(TranslationRequest request, RequestOptions options) {
        return api.execute(TRANSLATE, request, options);
    }

    /** The whole generated audio, in memory. */
    public byte[] speech(SpeechRequest request) {
        return speech(request, RequestOptions.DEFAULT);
    }

    public byte[] speech(SpeechRequest request, RequestOptions options) {
        return api.call(SPEECH, request, options);
    }

    /** The whole generated audio with the HTTP answer's status and headers ({@code Content-Type} names the format). */
    public GroqResponse<byte[]> speechWithResponse(SpeechRequest request, RequestOptions options) {
        return api.execute(SPEECH, request, options);
    }

    /**
     * Writes the generated audio to {@code file} as it arrives, replacing the file only once all of it came
     * (it is written to a sibling temporary file first). Returns the number of bytes written.
     */
    public long speech(SpeechRequest request, Path file) {
        return speech(request, file, RequestOptions.DEFAULT);
    }

    public long speech(SpeechRequest request, Path file, RequestOptions options) {
        return api.download(SPEECH, request, file, options);
    }

    /** Writes the generated audio to {@code out} as it arrives, and returns how many bytes; does not close it. */
    public long speech(SpeechRequest request, OutputStream out) {
        return speech(request, out, RequestOptions.DEFAULT);
    }

    public long speech(SpeechRequest request, OutputStream out, RequestOptions options) {
        return api.download(SPEECH, request, out, options);
    }

    /**
     * An upload: the multipart body, reporting progress when the request asks, sent without retries when its
     * file cannot be read twice; the answer read as the format the request asked for.
     */
    private static <Q extends AudioRequest> Operation<Q, Transcription> upload(String name, String path) {
        return Operation.<Q>post(name, r -> path)
                .body(r -> r.progressListener() == null ? r.toMultipartBody()
                        : new ProgressBody(r.toMultipartBody(), r.progressListener()))
                .options((r, o) -> Uploads.options(r.file() == null || r.file().isRepeatable(), o))
                .returning((r, response) -> read(response, r.responseFormat()));
    }

    /** A {@code text} answer comes as {@code text/plain}; everything else is JSON. */
    static Transcription read(HttpResponse response, TranscriptionFormat asked) {
        String type = response.headers().firstOrNull("content-type");
        boolean plain = type != null
                ? type.toLowerCase(Locale.ROOT).startsWith("text/plain")
                : asked == TranscriptionFormat.TEXT;
        return plain
                ? Transcription.ofText(new String(response.body(), StandardCharsets.UTF_8))
                : Json.decode(response, Transcription.class);
    }
}
