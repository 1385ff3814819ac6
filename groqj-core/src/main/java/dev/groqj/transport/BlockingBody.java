package dev.groqj.transport;

import dev.groqj.error.CancelledException;
import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A body read on the caller's thread, under its attempt's {@link BodyLimits}. The JDK's own
 * {@code BodyHandlers.ofInputStream()} waits for data without a limit and drops the bytes that arrived before a
 * failure; this one asks the connection for one buffer at a time (so an endless answer never fills the heap),
 * waits at most the read timeout and what the deadline leaves, hands over every byte that arrived before a
 * failure, and aborts the exchange when a limit is passed. A broken limit throws, unchecked, a
 * {@link dev.groqj.error.GroqTimeoutException}, a {@link dev.groqj.error.ResponseTooLargeException} (only when
 * {@code failPastCap}; otherwise the body just ends there) or a {@link NetworkException}. Not API.
 */
final class BlockingBody extends InputStream implements BodySubscriber<InputStream> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private final BodyLimits limits;
    private final int status;
    private final Headers headers;
    private final boolean failPastCap;
    private Flow.Subscription subscription;
    private Throwable failure;
    private boolean complete;
    private boolean closed;
    private long delivered;
    private long lastProgressNanos = System.nanoTime();

    BlockingBody(BodyLimits limits, int status, Headers headers, boolean failPastCap) {
        this.limits = limits;
        this.status = status;
        this.headers = headers;
        this.failPastCap = failPastCap;
    }

    Headers headers() {
        return headers;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        lock.lock();
        try {
            subscription = s;
            if (closed) {
                s.cancel();
            } else {
                lastProgressNanos = System.nanoTime();
                s.request(1);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lock.lock();
        try {
            if (closed) return;
            for (ByteBuffer b : items) {
                if (b.hasRemaining()) buffers.add(b);
            }
            lastProgressNanos = System.nanoTime();
            if (buffers.isEmpty()) subscription.request(1);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable error) {
        update(() -> failure = error);
    }

    @Override
    public void onComplete() {
        update(() -> complete = true);
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        return Exchanges.readOne(this);
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
        if (len == 0) return 0;
        lock.lock();
        try {
            while (true) {
                if (closed) throw new IOException("closed");
                ByteBuffer head = buffers.peek();
                if (head != null) return take(head, into, off, len);
                if (failure != null) throw failed();
                if (complete) return -1;
                await();
            }
        } finally {
            lock.unlock();
        }
    }

    private int take(ByteBuffer head, byte[] into, int off, int len) {
        long room = limits.maxBytes() - delivered;
        if (room <= 0) {
            abort();
            if (failPastCap) throw limits.tooLarge(status, headers);
            return -1;
        }
        int n = (int) Math.min(Math.min(len, head.remaining()), room);
        head.get(into, off, n);
        delivered += n;
        if (!head.hasRemaining()) {
            buffers.poll();
            if (buffers.isEmpty() && !complete && failure == null) {
                lastProgressNanos = System.nanoTime();
                subscription.request(1);
            }
        }
        return n;
    }

    private void await() {
        long now = System.nanoTime();
        long wait = limits.waitNanos(lastProgressNanos, now);
        if (wait <= 0) {
            abort();
            throw limits.timeout(now);
        }
        try {
            changed.awaitNanos(wait);
        } catch (InterruptedException e) {
            abort();
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while reading the answer", e);
        }
    }

    private GroqException failed() {
        if (failure instanceof GroqException) return (GroqException) failure;
        return new NetworkException("the connection failed while the answer was being read: " + failure, failure);
    }

    /** Ends the exchange, whatever state it is in. */
    private void abort() {
        closed = true;
        buffers.clear();
        if (subscription != null && !complete && failure == null) subscription.cancel();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) abort();
        } finally {
            lock.unlock();
        }
    }

    /** Reads the rest of the body: every byte, or up to the cap when not {@code failPastCap}. */
    byte[] readAll() throws IOException {
        try (this) {
            return Exchanges.readAll(this, headers, limits.maxBytes());
        }
    }
}
