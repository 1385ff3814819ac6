package dev.groqj.audio;

import dev.groqj.GroqResponse;
import dev.groqj.RequestOptions;
import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;
import dev.groqj.internal.ApiClient;
import dev.groqj.internal.Json;
import dev.groqj.internal.OpenStream;
import dev.groqj.transport.HttpResponse;
import dev.groqj.transport.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

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
        Path target = file.toAbsolutePath();
        // not Files.createTempFile: its owner-only permissions would carry over to the target
        Path partial = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                written = download(body, out, options);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } catch (IOException e) {
            throw new GroqException("cannot write the speech to " + file + ": " + e, e);
        } finally {
            deleteQuietly(partial);
        }
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
        RequestBody body = request.toMultipartBody();
        if (request.progressListener() != null) body = new ProgressBody(body, request.progressListener());
        RequestOptions effective = options == null ? RequestOptions.DEFAULT : options;
        if (request.file() != null && !request.file().isRepeatable()) {
            effective = effective.toBuilder().maxRetries(0).build(); // a one-shot stream cannot be sent twice
        }
        HttpResponse response = api.send(operation, "POST", path, body, effective);
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
                : Json.read(response.body(), Transcription.class);
    }

    /** The answer is audio, not the client's default {@code application/json}; a caller's own Accept wins. */
    private static RequestOptions acceptAudio(RequestOptions options) {
        RequestOptions o = options == null ? RequestOptions.DEFAULT : options;
        boolean own = o.headers().keySet().stream().anyMatch("Accept"::equalsIgnoreCase);
        return own ? o : o.toBuilder().header("Accept", "audio/*").build();
    }

    private static RequestBody speechBody(SpeechRequest request) {
        Objects.requireNonNull(request, "request == null");
        return RequestBody.json(Json.write(request));
    }

    /**
     * Copies the response body to {@code out} as it arrives; a broken response is a network failure. Nothing is
     * retried once bytes arrived: they may already be written.
     */
    private long download(RequestBody body, OutputStream out, RequestOptions options) {
        try (OpenStream response = api.sendStreaming("audio.speech", "POST", "/audio/speech", body,
                acceptAudio(options));
             InputStream in = response.body()) {
            byte[] buffer = new byte[16 * 1024];
            long written = 0;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw failed(response, new NetworkException(
                            "audio.speech: the audio broke off after " + written + " bytes: " + e, e));
                }
                if (n < 0) return written;
                if (written == 0) response.chunkArrived();
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw failed(response, new GroqException("audio.speech: cannot write the audio: " + e, e));
                }
                written += n;
            }
        } catch (IOException e) {
            throw new NetworkException("audio.speech: closing the response failed: " + e, e);
        }
    }

    /** Tells the call's listeners how the stream ended, and returns {@code error} to throw. */
    private static GroqException failed(OpenStream response, GroqException error) {
        response.failed(error);
        return error;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover .part file is harmless and the original failure matters more
        }
    }
}
