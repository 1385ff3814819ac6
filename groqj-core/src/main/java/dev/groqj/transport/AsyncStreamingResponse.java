package dev.groqj.transport;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A response whose body is published as it arrives, without a thread blocked on it: the subscriber's
 * {@code request(n)} decides how much is read, its {@code cancel()} aborts the exchange.
 *
 * <pre>{@code
 * transport.sendStreamingAsync(request).thenAccept(r -> r.body().subscribe(mySubscriber));
 * }</pre>
 */
public interface AsyncStreamingResponse extends AutoCloseable {
    int statusCode();

    Headers headers();

    /** The body as it arrives; subscribe once. */
    Flow.Publisher<List<ByteBuffer>> body();

    /** Aborts the exchange if the body was not read to its end (idempotent). */
    @Override
    void close();
}
