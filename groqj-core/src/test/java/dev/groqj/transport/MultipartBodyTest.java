package dev.groqj.transport;

import dev.groqj.internal.http.MultipartBody;
import dev.groqj.error.FileSourceException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartBodyTest {
    private static final byte[] AUDIO = {0, 1, 2, (byte) 0xff, '\r', '\n', '-', '-'};

    @Test
    void writesTheExactLayoutWithCrlfsAndClosingDelimiter() throws IOException {
        MultipartBody body = MultipartBody.builder()
                .boundary("b0und")
                .addField("model", "whisper-large-v3")
                .addFile("file", "a.wav", RequestBody.of(AUDIO, "audio/wav"))
                .addField("timestamp_granularities[]", "word")
                .build();

        byte[] expected = concat(
                "--b0und\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-large-v3\r\n"
                        + "--b0und\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                        + "Content-Type: audio/wav\r\n\r\n",
                AUDIO,
                "\r\n--b0und\r\nContent-Disposition: form-data; name=\"timestamp_granularities[]\"\r\n\r\nword\r\n"
                        + "--b0und--\r\n");
        assertThat(read(body)).isEqualTo(expected);
        assertThat(body.contentLength()).isEqualTo(expected.length);
        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=b0und");
        assertThat(body.bytesIfBuffered()).isNull();
    }

    @Test
    void readerRecoversEveryPartOfTheBody() throws IOException {
        MultipartBody body = MultipartBody.builder()
                .addField("prompt", "Zoë spells it \"Grok\"")
                .addFile("file", "talk.mp3", RequestBody.of(AUDIO, "audio/mpeg"))
                .build();

        List<MultipartReader.Part> parts = MultipartReader.parse(read(body), body.contentType());

        assertThat(parts).extracting(MultipartReader.Part::name).containsExactly("prompt", "file");
        assertThat(parts.get(0).text()).isEqualTo("Zoë spells it \"Grok\"");
        assertThat(parts.get(0).fileName()).isNull();
        assertThat(parts.get(1).fileName()).isEqualTo("talk.mp3");
        assertThat(parts.get(1).contentType()).isEqualTo("audio/mpeg");
        assertThat(parts.get(1).body()).isEqualTo(AUDIO);
    }

    @Test
    void quotesAndLineBreaksInNamesAreEscaped() throws IOException {
        MultipartBody body = MultipartBody.builder().boundary("x")
                .addFile("file", "my \"best\"\r\ntake.wav", RequestBody.of(AUDIO, "audio/wav"))
                .build();

        String text = new String(read(body), StandardCharsets.ISO_8859_1);

        assertThat(text).contains("filename=\"my %22best%22%0D%0Atake.wav\"\r\n");
        assertThat(MultipartReader.parse(read(body), body.contentType()).get(0).fileName())
                .isEqualTo("my %22best%22%0D%0Atake.wav");
    }

    @Test
    void openTwiceGivesTheSameBytesSoARetryResendsTheFile() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        MultipartBody body = modelAndFile(streamed(AUDIO, AUDIO.length, opens));

        byte[] first = read(body);
        byte[] second = read(body);

        assertThat(second).isEqualTo(first);
        assertThat(opens).hasValue(2);
    }

    @Test
    void fileIsOpenedOnlyWhenTheStreamReachesIt() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        MultipartBody body = modelAndFile(streamed(AUDIO, AUDIO.length, opens));

        try (InputStream in = body.open()) {
            in.read(new byte[10]);
            assertThat(opens).hasValue(0);
        }
    }

    @Test
    void unknownFileLengthMakesTheBodyLengthUnknown() throws IOException {
        MultipartBody body = modelAndFile(streamed(AUDIO, -1, new AtomicInteger()));

        assertThat(body.contentLength()).isEqualTo(-1);
        assertThat(MultipartReader.parse(read(body), body.contentType()).get(1).body()).isEqualTo(AUDIO);
    }

    @Test
    void fileShorterThanDeclaredFailsInsteadOfSendingAWrongLength() {
        MultipartBody body = MultipartBody.builder()
                .addFile("file", "a.wav", streamed(AUDIO, AUDIO.length + 1, new AtomicInteger()))
                .build();

        assertThatThrownBy(() -> read(body)).isInstanceOf(FileSourceException.class)
                .hasMessageContaining("'a.wav'").hasMessageContaining("declared 9 bytes but its source gave 8");
    }

    @Test
    void aFileThatFailsToOpenOrReadIsAFileSourceException() {
        IOException gone = new IOException("disk gone");
        RequestBody unopenable = new RequestBody() {
            @Override public String contentType() { return "audio/wav"; }
            @Override public long contentLength() { return -1; }
            @Override public InputStream open() throws IOException { throw gone; }
        };
        RequestBody failingMidway = new RequestBody() {
            @Override public String contentType() { return "audio/wav"; }
            @Override public long contentLength() { return -1; }
            @Override public InputStream open() {
                return new InputStream() {
                    @Override public int read() {
                        throw new IllegalStateException("bucket client closed");
                    }
                };
            }
        };

        assertThatThrownBy(() -> read(modelAndFile(unopenable))).isInstanceOf(FileSourceException.class)
                .hasCause(gone).hasMessageContaining("disk gone");
        assertThatThrownBy(() -> read(modelAndFile(failingMidway))).isInstanceOf(FileSourceException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachBodyGetsItsOwnRandomBoundary() {
        String a = MultipartBody.builder().addField("a", "1").build().boundary();
        String b = MultipartBody.builder().addField("a", "1").build().boundary();

        assertThat(a).isNotEqualTo(b).matches("groqj-[0-9A-Za-z]{32}");
    }

    @Test
    void boundaryThatNeedsQuotingIsRefused() {
        assertThatThrownBy(() -> MultipartBody.builder().boundary("has space"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilderKeepsBoundaryAndParts() throws IOException {
        MultipartBody body = MultipartBody.builder().addField("a", "1").build();

        MultipartBody copy = body.toBuilder().addField("b", "2").build();

        assertThat(copy.boundary()).isEqualTo(body.boundary());
        assertThat(MultipartReader.parse(read(copy), copy.contentType()))
                .extracting(MultipartReader.Part::text).containsExactly("1", "2");
    }

    private static MultipartBody modelAndFile(RequestBody file) {
        return MultipartBody.builder().addField("model", "m").addFile("file", "a.wav", file).build();
    }

    private static RequestBody streamed(byte[] bytes, long declaredLength, AtomicInteger opens) {
        return new RequestBody() {
            @Override public String contentType() { return "audio/wav"; }
            @Override public long contentLength() { return declaredLength; }
            @Override public InputStream open() {
                opens.incrementAndGet();
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    static byte[] read(RequestBody body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(middle, 0, all, h.length, middle.length);
        System.arraycopy(t, 0, all, h.length + middle.length, t.length);
        return all;
    }
}
