package dev.groqj.audio;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Download;
import dev.groqj.internal.Json;
import dev.groqj.internal.Uploads;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.RequestBody;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

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
 *         .model("playai-tts").voice("Fritz-PlayAI").input("Hello!").responseFormat(SpeechFormat.WAV)
 *         .build(), Path.of("hello.wav"));
 * }</pre>
 *
 * <p>Uploads stream the file as it is sent: a 25 MB file does not take 25 MB of heap, and a retry reads the file
 * again from its start. A file made with {@link AudioFile#ofStream} can be read only once, so its calls are not
 * retried. Speech written to a path or stream is written as it arrives.
 */
public final class AudioService {
    private final ApiClient api;

    public AudioService(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public Transcription transcribe(TranscriptionRequest request) {
        return transcribe(request, RequestOptions.DEFAULT);
    }

    public Transcription transcribe(TranscriptionRequest request, RequestOptions options) {
        return transcribeWithResponse(request, options).value();
    }

    /** The transcription with the HTTP answer's status and headers. */
    public GroqResponse<Transcription> transcribeWithResponse(TranscriptionRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return upload("audio.transcribe", "/audio/transcriptions", request, options);
    }

    /** Transcribes the audio into English text. */
    public Transcription translate(TranslationRequest request) {
        return translate(request, RequestOptions.DEFAULT);
    }

    public Transcription translate(TranslationRequest request, RequestOptions options) {
        return translateWithResponse(request, options).value();
    }

    /** The translation with the HTTP answer's status and headers. */
    public GroqResponse<Transcription> translateWithResponse(TranslationRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request == null");
        return upload("audio.translate", "/audio/translations", request, options);
    }

    /** The whole generated audio, in memory. */
    public byte[] speech(SpeechRequest request) {
        return speech(request, RequestOptions.DEFAULT);
    }

    public byte[] speech(SpeechRequest request, RequestOptions options) {
        return speechWithResponse(request, options).value();
    }

    /** The whole generated audio with the HTTP answer's status and headers ({@code Content-Type} names the format). */
    public GroqResponse<byte[]> speechWithResponse(SpeechRequest request, RequestOptions options) {
        HttpResponse response = api.send("audio.speech", "POST", "/audio/speech", speechBody(request),
                acceptAudio(options));
        return new GroqResponse<>(response.body(), response.statusCode(), response.headers());
    }

    /**
     * Writes the generated audio to {@code file} as it arrives, replacing the file only once all of it came
     * (it is written to a sibling temporary file first). Returns the number of bytes written.
     */
    public long speech(SpeechRequest request, Path file) {
        return speech(request, file, RequestOptions.DEFAULT);
    }

    public long speech(SpeechRequest request, Path file, RequestOptions options) {
        Objects.requireNonNull(file, "file == null");
        RequestBody body = speechBody(request);
        return Download.toFile(file, "the speech", out -> download(body, out, options));
    }

    /** Writes the generated audio to {@code out} as it arrives, and returns how many bytes; does not close it. */
    public long speech(SpeechRequest request, OutputStream out) {
        return speech(request, out, RequestOptions.DEFAULT);
    }

    public long speech(SpeechRequest request, OutputStream out, RequestOptions options) {
        Objects.requireNonNull(out, "out == null");
        return download(speechBody(request), out, options);
    }

    private GroqResponse<Transcription> upload(String operation, String path, AudioRequest request,
                                               RequestOptions options) {
        HttpResponse response = api.send(operation, "POST", path, uploadBody(request), uploadOptions(request, options));
        return transcription(response, request);
    }

    /** The multipart body of an upload, reporting progress when the request asks. */
    static RequestBody uploadBody(AudioRequest request) {
        RequestBody body = request.toMultipartBody();
        return request.progressListener() == null ? body : new ProgressBody(body, request.progressListener());
    }

    static RequestOptions uploadOptions(AudioRequest request, RequestOptions options) {
        return Uploads.options(request.file() == null || request.file().isRepeatable(), options);
    }

    static GroqResponse<Transcription> transcription(HttpResponse response, AudioRequest request) {
        return new GroqResponse<>(read(response, request.responseFormat()), response.statusCode(), response.headers());
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

    /** The answer is audio, not the client's default {@code application/json}; a caller's own Accept wins. */
    static RequestOptions acceptAudio(RequestOptions options) {
        return Download.accept(options, "audio/*");
    }

    static RequestBody speechBody(SpeechRequest request) {
        Objects.requireNonNull(request, "request == null");
        return RequestBody.json(Json.write(request));
    }

    /** Copies the audio to {@code out} as it arrives. Nothing is retried once bytes arrived: they may be written. */
    private long download(RequestBody body, OutputStream out, RequestOptions options) {
        return Download.copy(api.sendStreaming("audio.speech", "POST", "/audio/speech", body, acceptAudio(options)),
                out, "audio.speech", "the audio");
    }
}
