package dev.groqj.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalsTest {
    @ParameterizedTest
    @CsvSource({"26, 26ms", "130, 130ms", "7660, 7.66s", "179560, 2m59.56s", "3600000, 1h0m0s", "0, 0s",
            "60000, 1m0s", "10332, 10.332s"})
    void goDurationsLookLikeGroqsHeaders(long millis, String expected) {
        assertThat(GoDuration.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void goDurationKeepsNanoseconds() {
        assertThat(GoDuration.format(Duration.ofNanos(10_332_999_999L))).isEqualTo("10.332999999s");
    }

    @Test
    void multipartKeepsBinaryFilesWithCrlfAndBoundaryLookalikesIntact() {
        byte[] file = {0, 13, 10, '-', '-', 'x', (byte) 0xff, 13, 10, 13, 10};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b0und\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-large-v3\r\n"
                + "--b0und\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes("\r\n--b0und--\r\n".getBytes(StandardCharsets.UTF_8));

        List<RecordedRequest.Part> parts = Multipart.parse(body.toByteArray(),
                Multipart.boundary("multipart/form-data; boundary=\"b0und\""));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("model");
        assertThat(parts.get(0).text()).isEqualTo("whisper-large-v3");
        assertThat(parts.get(0).filename()).isNull();
        assertThat(parts.get(1).filename()).isEqualTo("a b.wav");
        assertThat(parts.get(1).contentType()).isEqualTo("audio/wav");
        assertThat(parts.get(1).bytes()).containsExactly(file);
    }

    @Test
    void multipartWithoutItsClosingBoundaryIsRejected() {
        byte[] body = "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nx".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Multipart.parse(body, "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensConcatenateBackToTheText() {
        assertThat(FakeChatModel.tokens("  Hello,  big\nworld ")).containsExactly("  Hello,", "  big", "\nworld ");
    }
}
