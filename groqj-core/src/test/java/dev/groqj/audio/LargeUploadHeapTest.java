package dev.groqj.audio;

import dev.groqj.ChildJvm;
import dev.groqj.transport.MultipartReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 25 MB WAV uploads from a JVM whose whole heap is 16 MB: the body is streamed from the file, never held.
 * The upload runs in a child JVM ({@link LargeUploadMain}) so the heap limit is real, not a measurement.
 */
class LargeUploadHeapTest {
    private static final int FILE_BYTES = 25 * 1024 * 1024;
    private static final long HEAP_LIMIT = 16L * 1024 * 1024;

    @Test
    void twentyFiveMegabyteWavUploadsWithSixteenMegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path wav = Wav.file(dir.resolve("long.wav"), FILE_BYTES);
        try (LoopbackServer server = new LoopbackServer()) {
            server.answer(200, "application/json", "{\"text\":\"ok\"}".getBytes(StandardCharsets.UTF_8));

            String output = ChildJvm.run(dir, "-Xmx16m", LargeUploadMain.class, server.baseUrl(), wav.toString());
            Report report = Report.parse(output);
            LoopbackServer.Received r = server.take();
            List<MultipartReader.Part> parts = MultipartReader.parse(r.body(), r.header("Content-Type"));
            assertThat(parts.get(1).fileName()).isEqualTo("long.wav");
            assertThat(sha256(parts.get(1).body())).isEqualTo(sha256(wav));
            assertThat(report.text).isEqualTo("ok");
            assertThat(report.sent).isEqualTo(report.total).isEqualTo(r.body().length);
            assertThat(report.maxHeap).as("the child's heap limit").isLessThanOrEqualTo(HEAP_LIMIT);
            assertThat(report.peakHeap).as("peak heap").isLessThan(FILE_BYTES);
        }
    }

    private record Report(String text, long sent, long total, long maxHeap, long peakHeap) {
        private static final Pattern LINE = Pattern.compile(
                "text=(\\S*) sent=(\\d+) total=(\\d+) maxHeap=(\\d+) peakHeap=(\\d+)");

        static Report parse(String output) {
            Matcher m = LINE.matcher(output);
            assertThat(m.find()).as("report line in:%n%s", output).isTrue();
            return new Report(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
