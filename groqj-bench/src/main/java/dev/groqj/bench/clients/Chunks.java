package dev.groqj.bench.clients;

import dev.groqj.bench.BenchClient.OpenStream;
import dev.groqj.bench.BenchClient.Streamed;

import java.util.Iterator;
import java.util.function.ToIntFunction;

/** The one way every client consumes a stream, so the three differ only in the library under them. */
final class Chunks {
    private Chunks() {
    }

    /** Reads every chunk, touching each one's content; the caller closes the stream. */
    static <T> Streamed readAll(Iterator<T> chunks, ToIntFunction<T> content) {
        long first = 0;
        int count = 0;
        int chars = 0;
        while (chunks.hasNext()) {
            T chunk = chunks.next();
            if (count++ == 0) first = System.nanoTime();
            chars += content.applyAsInt(chunk);
        }
        return new Streamed(count, chars, first);
    }

    /** Reads the first chunk now; the returned handle reads the rest and closes {@code stream}. */
    static <T> OpenStream openAfterFirst(Iterator<T> chunks, ToIntFunction<T> content, AutoCloseable stream) {
        content.applyAsInt(chunks.next());
        return () -> {
            int count = 1 + readAll(chunks, content).chunks();
            try {
                stream.close();
            } catch (Exception e) {
                throw new IllegalStateException("close failed", e);
            }
            return count;
        };
    }
}
