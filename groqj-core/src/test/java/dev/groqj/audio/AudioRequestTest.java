package dev.groqj.audio;

import dev.groqj.error.ValidationException;
import dev.groqj.internal.http.MultipartBody;
import dev.groqj.transport.MultipartReader;
import dev.groqj.transport.MultipartReader.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transcription and translation requests: what build() refuses, and the form each one becomes. */
class AudioRequestTest {
    private static final byte[] AUDIO = {'R', 'I', 'F', 'F', 1, 2, 3};

    @Test
    void everyTranscriptionFieldGoesIntoTheForm() throws IOException {
        TranscriptionRequest request = TranscriptionRequest.builder()
                .file(AUDIO, "talk.wav")
                .model(TranscriptionRequest.WHISPER_LARGE_V3)
                .language("en")
                .prompt("Groq, Whisper")
                .responseFormat(TranscriptionFormat.VERBOSE_JSON)
                .temperature(0.2)
                .timestampGranularities(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)
                .build();

        List<Part> parts = parts(request.toMultipartBody());

        assertThat(parts).extracting(Part::name).containsExactly("model", "prompt", "response_format", "temperature",
                "language", "timestamp_granularities[]", "timestamp_granularities[]", "file");
        assertThat(parts).extracting(p -> p.fileName() == null ? p.text() : p.fileName()).containsExactly(
                "whisper-large-v3", "Groq, Whisper", "verbose_json", "0.2", "en", "word", "segment", "talk.wav");
        Part file = parts.get(7);
        assertThat(file.contentType()).isEqualTo("audio/wav");
        assertThat(file.body()).isEqualTo(AUDIO);
    }

    @Test
    void unsetOptionsAreNotSent() throws IOException {
        TranscriptionRequest request = TranscriptionRequest.builder()
                .url("https://example.com/a.mp3").model("m").build();

        List<Part> parts = parts(request.toMultipartBody());

        assertThat(parts).extracting(Part::name).containsExactly("model", "url");
        assertThat(parts.get(1).text()).isEqualTo("https://example.com/a.mp3");
    }

    @Test
    void translationSendsItsFieldsAndHasNoLanguage() throws IOException {
        TranslationRequest request = TranslationRequest.builder()
                .file(AUDIO, "interview.MP3")
                .model(TranslationRequest.WHISPER_LARGE_V3)
                .prompt("astronomy")
                .responseFormat(TranscriptionFormat.TEXT)
                .temperature(1)
                .build();

        List<Part> parts = parts(request.toMultipartBody());

        assertThat(parts).extracting(Part::name)
                .containsExactly("model", "prompt", "response_format", "temperature", "file");
        assertThat(parts.get(3).text()).isEqualTo("1.0");
        assertThat(parts.get(4).contentType()).isEqualTo("audio/mpeg");
    }

    @Test
    void toBuilderCopiesEveryField() {
        ProgressListener listener = (sent, total) -> { };
        TranscriptionRequest request = TranscriptionRequest.builder().file(AUDIO, "a.ogg").model("m").language("de")
                .prompt("p").responseFormat(TranscriptionFormat.VERBOSE_JSON).temperature(0.5)
                .timestampGranularities(TimestampGranularity.WORD).progressListener(listener).build();

        TranscriptionRequest copy = request.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(request);
        assertThat(copy.toString()).isEqualTo(request.toString());
        assertThat(copy.toBuilder().model("other").build().model()).isEqualTo("other");
        TranslationRequest translation = TranslationRequest.builder().url("https://x/a.wav").model("m").build();
        assertThat(translation.toBuilder().build()).usingRecursiveComparison().isEqualTo(translation);
    }

    @Test
    void fileAndUrlTogetherAreRefused() {
        assertInvalid("file", "not both", () -> TranscriptionRequest.builder()
                .file(AUDIO, "a.wav").url("https://x/a.wav").model("m").build());
    }

    @Test
    void neitherFileNorUrlIsRefused() {
        assertInvalid("file", "is required", () -> TranslationRequest.builder().model("m").build());
    }

    @Test
    void missingModelIsRefused() {
        assertInvalid("model", "is required", () -> TranscriptionRequest.builder().file(AUDIO, "a.wav").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.flac", "a.mp3", "a.mp4", "a.mpeg", "a.mpga", "a.m4a", "a.ogg", "a.opus", "a.wav",
            "a.webm", "A.WAV"})
    void everyExtensionGroqAcceptsIsAccepted(String name) {
        assertThat(TranscriptionRequest.builder().file(AUDIO, name).model("m").build().file().fileName())
                .isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "recording", "a.wav.zip"})
    void otherExtensionsAreRefusedNamingTheFile(String name) {
        assertInvalid("file", "flac, m4a, mp3, mp4, mpeg, mpga, ogg, opus, wav, webm",
                () -> TranscriptionRequest.builder().file(AUDIO, name).model("m").build());
    }

    @Test
    void contentTypeStandsInForAnExtension() throws IOException {
        TranscriptionRequest request = TranscriptionRequest.builder()
                .file(AudioFile.of(AUDIO, "recording").withContentType("audio/webm")).model("m").build();

        assertThat(parts(request.toMultipartBody()).get(1).contentType()).isEqualTo("audio/webm");
    }

    @Test
    void uploadOver25MegabytesIsRefusedPointingToUrl() {
        AudioFile big = AudioFile.of(() -> InputStream.nullInputStream(), "big.wav", 25L * 1024 * 1024 + 1);

        assertInvalid("file", "use url", () -> TranscriptionRequest.builder().file(big).model("m").build());
        AudioFile limit = AudioFile.of(() -> InputStream.nullInputStream(), "ok.wav", 25L * 1024 * 1024);
        assertThat(TranscriptionRequest.builder().file(limit).model("m").build().file()).isSameAs(limit);
    }

    @Test
    void temperatureOutside0To1IsRefused() {
        assertInvalid("temperature", "between 0 and 1",
                () -> TranscriptionRequest.builder().file(AUDIO, "a.wav").model("m").temperature(1.5).build());
        assertInvalid("temperature", "between 0 and 1",
                () -> TranslationRequest.builder().file(AUDIO, "a.wav").model("m").temperature(-0.1).build());
        assertInvalid("temperature", "between 0 and 1",
                () -> TranslationRequest.builder().file(AUDIO, "a.wav").model("m").temperature(Double.NaN).build());
    }

    @Test
    void granularitiesWithoutVerboseJsonAreRefused() {
        assertInvalid("timestamp_granularities", "verbose_json", () -> TranscriptionRequest.builder()
                .file(AUDIO, "a.wav").model("m").timestampGranularities(TimestampGranularity.WORD).build());
        assertInvalid("timestamp_granularities", "was text", () -> TranscriptionRequest.builder()
                .file(AUDIO, "a.wav").model("m").responseFormat(TranscriptionFormat.TEXT)
                .timestampGranularities(TimestampGranularity.SEGMENT).build());
    }

    @Test
    void languageThatIsNotAnIsoCodeIsRefused() {
        assertInvalid("language", "ISO-639-1", () -> TranscriptionRequest.builder()
                .file(AUDIO, "a.wav").model("m").language("English").build());
        assertThat(TranscriptionRequest.builder().file(AUDIO, "a.wav").model("m").language("yue").build().language())
                .isEqualTo("yue");
    }

    @Test
    void pathFileTakesItsNameAndSizeAndIsReadWhenSent(@TempDir Path dir) throws IOException {
        Path wav = Files.write(dir.resolve("take 1.wav"), AUDIO);

        TranscriptionRequest request = TranscriptionRequest.builder().file(wav).model("m").build();
        Files.write(wav, new byte[]{9, 9, 9, 9, 9, 9, 9}); // same length, new content: read at send time

        assertThat(request.file().size()).isEqualTo(AUDIO.length);
        assertThat(parts(request.toMultipartBody()).get(1).body()).containsExactly(9, 9, 9, 9, 9, 9, 9);
    }

    @Test
    void missingPathOrDirectoryIsRefusedNamingTheFile(@TempDir Path dir) {
        assertInvalid("file", "cannot read", () -> AudioFile.of(dir.resolve("gone.wav")));
        assertInvalid("file", "is a directory", () -> AudioFile.of(dir));
    }

    @Test
    void oneShotStreamCanBeReadOnlyOnce() throws IOException {
        AudioFile once = AudioFile.ofStream(new ByteArrayInputStream(AUDIO), "a.wav");

        assertThat(once.isRepeatable()).isFalse();
        assertThat(once.open().readAllBytes()).isEqualTo(AUDIO);
        assertThatThrownBy(once::open).isInstanceOf(IOException.class).hasMessageContaining("pass an opener");
    }

    @Test
    void supplierFileIsOpenedAfreshEachTime() throws IOException {
        AudioFile file = AudioFile.of(() -> new ByteArrayInputStream(AUDIO), "a.wav");

        assertThat(file.isRepeatable()).isTrue();
        assertThat(file.size()).isEqualTo(-1);
        assertThat(file.open().readAllBytes()).isEqualTo(file.open().readAllBytes()).isEqualTo(AUDIO);
    }

    static void assertInvalid(String param, String messagePart, Runnable build) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo(param))
                .hasMessageStartingWith(param + ": ")
                .hasMessageContaining(messagePart);
    }

    private static List<Part> parts(MultipartBody body) throws IOException {
        try (InputStream in = body.open()) {
            return MultipartReader.parse(in.readAllBytes(), body.contentType());
        }
    }
}
