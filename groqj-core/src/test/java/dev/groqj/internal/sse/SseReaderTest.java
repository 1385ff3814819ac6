package dev.groqj.internal.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groqj.error.ResponseTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SseReaderTest {
    @Test
    void returnsEventsInOrderThenNullAtEnd() throws IOException {
        try (SseReader reader = new SseReader(stream("data: a\n\n: ping\n\nevent: x\ndata: b\n\ndata: [DONE]\n\n"))) {
            assertThat(reader.next()).isEqualTo(SseEvent.message("a"));
            assertThat(reader.next()).isEqualTo(new SseEvent("x", "b", null, null));
            assertThat(reader.next()).isEqualTo(SseEvent.message("[DONE]"));
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void lastEventWithoutBlankLineIsReturnedAtEnd() throws IOException {
        try (SseReader reader = new SseReader(stream("data: a\n\ndata: b"))) {
            assertThat(reader.next()).isEqualTo(SseEvent.message("a"));
            assertThat(reader.next()).isEqualTo(SseEvent.message("b"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void manyEventsLargerThanOneReadAreAllReturned() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5000; i++) body.append("data: {\"n\":").append(i).append("}\n\n");
        try (SseReader reader = new SseReader(stream(body.toString()))) {
            for (int i = 0; i < 5000; i++) assertThat(reader.next().data()).isEqualTo("{\"n\":" + i + "}");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void closeClosesTheStream() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        new SseReader(in).close();
        assertThat(closed).isTrue();
    }

    @Test
    void firstEventIsReturnedBeforeWriterSendsTheRest() throws Exception {
        PipedInputStream in = new PipedInputStream(64);
        PipedOutputStream out = new PipedOutputStream(in);
        CountDownLatch firstEventSeen = new CountDownLatch(1);
        AtomicBoolean releasedByReader = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (out) {
                byte[] first = "data: first\n\n".getBytes(UTF_8);
                for (int i = 0; i < first.length; i += 3) { // small pieces, each one a separate read
                    out.write(first, i, Math.min(3, first.length - i));
                    out.flush();
                }
                // A reader that waits to fill its buffer never gets here; the bound only turns a hang into a failure.
                releasedByReader.set(firstEventSeen.await(10, TimeUnit.SECONDS));
                out.write("data: second\n\n".getBytes(UTF_8));
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();

        try (SseReader reader = new SseReader(in)) {
            assertThat(reader.next()).isEqualTo(SseEvent.message("first"));
            firstEventSeen.countDown();
            assertThat(reader.next()).isEqualTo(SseEvent.message("second"));
            assertThat(reader.next()).isNull();
        }
        writer.join();
        assertThat(writerFailure.get()).isNull();
        assertThat(releasedByReader).as("first event returned while the writer was still holding the rest").isTrue();
    }

    @Test
    void eventsCompletedInTheReadThatPassesTheCapAreReturnedBeforeTheFailure() throws IOException {
        // one read holds two whole events and then a line past the cap
        try (SseReader reader = new SseReader(stream("data: a\n\ndata: b\n\ndata: " + "x".repeat(200)), 64, 100)) {
            assertThat(reader.next()).isEqualTo(SseEvent.message("a"));
            assertThat(reader.next()).isEqualTo(SseEvent.message("b"));
            assertThatThrownBy(reader::next).isInstanceOf(ResponseTooLargeException.class);
            assertThatThrownBy(reader::next).as("and again").isInstanceOf(ResponseTooLargeException.class);
        }
    }

    @Test
    void eventsReadBeforeAFailingReadAreReturnedBeforeItsException() throws IOException {
        IOException cut = new IOException("connection reset");
        InputStream in = new InputStream() {
            private final InputStream head = stream("data: a\n\ndata: b\n\ndata: partial");
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = head.read(b, off, len);
                if (n < 0) throw cut;
                return n;
            }
        };
        try (SseReader reader = new SseReader(in)) {
            assertThat(reader.next()).isEqualTo(SseEvent.message("a"));
            assertThat(reader.next()).isEqualTo(SseEvent.message("b"));
            assertThatThrownBy(reader::next).isSameAs(cut);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }
}
