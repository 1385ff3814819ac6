package dev.groqj.internal;

import dev.groqj.transport.AsyncStreamingResponse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Reads the (small) body of an error answer from a published stream, up to a limit, then closes it. Not API. */
final class ErrorBody implements Flow.Subscriber<List<ByteBuffer>> {
    private final AsyncStreamingResponse response;
    private final int limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private ErrorBody(AsyncStreamingResponse response, int limit) {
        this.response = response;
        this.limit = limit;
    }

    /** The first {@code limit} bytes of the body; what arrived so far when reading fails. */
    static CompletableFuture<byte[]> read(AsyncStreamingResponse response, int limit) {
        ErrorBody reader = new ErrorBody(response, limit);
        response.body().subscribe(reader);
        return reader.result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE); // bounded by the limit: the exchange is closed once it is reached
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer buffer : item) {
            int n = Math.min(buffer.remaining(), limit - out.size());
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            out.writeBytes(bytes);
        }
        if (out.size() >= limit) done();
    }

    @Override
    public void onError(Throwable error) {
        done();
    }

    @Override
    public void onComplete() {
        done();
    }

    private void done() {
        if (result.complete(out.toByteArray())) response.close();
    }
}
