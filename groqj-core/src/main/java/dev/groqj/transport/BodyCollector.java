package dev.groqj.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Gathers a published body into memory, up to its cap: past it, a successful answer fails with a
 * {@link dev.groqj.error.ResponseTooLargeException} and an error answer is cut there; either way the exchange is
 * aborted at once. Cancelling {@link #result()} aborts it too. Not API.
 */
final class BodyCollector implements Flow.Subscriber<List<ByteBuffer>> {
    private final BodyLimits limits;
    private final int status;
    private final Headers headers;
    private final boolean failPastCap;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BodyCollector(BodyLimits limits, int status, Headers headers, boolean failPastCap) {
        this.limits = limits;
        this.status = status;
        this.headers = headers;
        this.failPastCap = failPastCap;
    }

    CompletableFuture<byte[]> result() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        result.whenComplete((bytes, error) -> {
            if (result.isCancelled()) s.cancel();
        });
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) return;
        for (ByteBuffer b : items) {
            long room = limits.maxBytes() - out.size();
            if (b.remaining() > room) {
                subscription.cancel();
                if (failPastCap) {
                    result.completeExceptionally(limits.tooLarge(status, headers));
                } else {
                    copy(b, (int) room);
                    result.complete(out.toByteArray());
                }
                return;
            }
            copy(b, b.remaining());
        }
        subscription.request(1);
    }

    private void copy(ByteBuffer b, int n) {
        byte[] bytes = new byte[n];
        b.get(bytes);
        out.writeBytes(bytes);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
