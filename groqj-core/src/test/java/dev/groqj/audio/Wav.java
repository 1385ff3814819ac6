package dev.groqj.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/** Generates and checks 16-bit mono PCM WAV files for tests, writing large ones in small chunks. */
final class Wav {
    static final int SAMPLE_RATE = 16_000;
    private static final int HEADER_BYTES = 44;

    private Wav() {
    }

    /** Writes a WAV of {@code totalBytes} (header included) holding a 440 Hz tone, 64 KiB at a time. */
    static void write(OutputStream out, int totalBytes) throws IOException {
        int dataBytes = totalBytes - HEADER_BYTES;
        out.write(header(dataBytes));
        byte[] chunk = new byte[64 * 1024];
        int sample = 0;
        for (int left = dataBytes; left > 0; ) {
            int n = Math.min(chunk.length, left);
            for (int i = 0; i + 1 < n; i += 2, sample++) {
                short v = (short) (Math.sin(2 * Math.PI * 440 * sample / SAMPLE_RATE) * 8000);
                chunk[i] = (byte) v;
                chunk[i + 1] = (byte) (v >> 8);
            }
            out.write(chunk, 0, n);
            left -= n;
        }
    }

    static byte[] bytes(int totalBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(totalBytes);
        try {
            write(out, totalBytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    static Path file(Path path, int totalBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            write(out, totalBytes);
        }
        return path;
    }

    /** Asserts {@code wav} is a RIFF/WAVE file whose chunk sizes agree with its length. */
    static void assertValid(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(new String(wav, 8, 8, US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(b.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(new String(wav, 36, 4, US_ASCII)).isEqualTo("data");
        assertThat(b.getInt(40)).isEqualTo(wav.length - HEADER_BYTES);
    }

    private static byte[] header(int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1) // PCM, mono
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(US_ASCII)).putInt(dataBytes);
        return b.array();
    }
}
