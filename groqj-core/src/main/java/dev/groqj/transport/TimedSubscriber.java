package dev.groqj.transport;

import dev.groqj.error.GroqException;
import dev.groqj.error.NetworkException;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sits between a published body and its reader and enforces the attempt's {@link BodyLimits} without a thread
 * waiting: when the reader has asked for data and none came for the read timeout, or the deadline passes, the
 * exchange is aborted and the reader gets a {@link dev.groqj.error.GroqTimeoutException}. A reader that has not
 * asked for more is never timed out: its own slowness is not the server's silence. Checks run on the JDK's
 * shared delay scheduler ({@link CompletableFuture#delayedExecutor}), not on a thread of ours. Failures reach
 * the reader as {@link GroqException}s. Not API.
 */
final class TimedSubscriber implements Flow.Subscriber<List<ByteBuffer>>, Flow.Subscription {
    /** How soon a check that found a delivery in progress looks again. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Flow.Subscriber<? super List<ByteBuffer>> reader;
    private final BodyLimits limits;
    /** Held while a signal goes to the reader, so a timeout never overlaps a delivery. */
    private final ReentrantLock signalling = new ReentrantLock();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean checkPending = new AtomicBoolean();
    private final AtomicLong demand = new AtomicLong();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile Flow.Subscription upstream;

    TimedSubscriber(Flow.Subscriber<? super List<ByteBuffer>> reader, BodyLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        reader.onSubscribe(this);
        scheduleCheck(limits.waitNanos(lastProgressNanos, System.nanoTime()));
    }

    @Override
    public void request(long n) {
        if (n <= 0 || done.get()) {
            upstream.request(n);
            return;
        }
        if (demand.getAndAdd(n) <= 0) lastProgressNanos = System.nanoTime();
        upstream.request(n);
        scheduleCheck(limits.waitNanos(lastProgressNanos, System.nanoTime()));
    }

    @Override
    public void cancel() {
        done.set(true);
        upstream.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        signalling.lock();
        try {
            if (done.get()) return;
            lastProgressNanos = System.nanoTime();
            demand.decrementAndGet();
            reader.onNext(item);
        } finally {
            signalling.unlock();
        }
    }

    @Override
    public void onError(Throwable error) {
        GroqException mapped = error instanceof GroqException ? (GroqException) error
                : new NetworkException("the connection failed while the answer was being read: " + error, error);
        terminate(mapped);
    }

    @Override
    public void onComplete() {
        terminate(null);
    }

    private void terminate(GroqException error) {
        signalling.lock();
        try {
            if (!done.compareAndSet(false, true)) return;
            if (error == null) reader.onComplete();
            else reader.onError(error);
        } finally {
            signalling.unlock();
        }
    }

    private void scheduleCheck(long delayNanos) {
        if (delayNanos == Long.MAX_VALUE || done.get() || !checkPending.compareAndSet(false, true)) return;
        CompletableFuture.delayedExecutor(Math.max(delayNanos, 0), TimeUnit.NANOSECONDS).execute(this::check);
    }

    private void check() {
        checkPending.set(false);
        if (done.get()) return;
        long now = System.nanoTime();
        // a reader with no demand is not timed out for silence; its next request() schedules the next check
        boolean readerWaiting = demand.get() > 0;
        long wait = readerWaiting ? limits.waitNanos(lastProgressNanos, now) : limits.untilDeadline(now);
        if (wait > 0) {
            scheduleCheck(wait);
            return;
        }
        if (!signalling.tryLock()) { // a delivery is in progress: data is flowing
            scheduleCheck(RECHECK_NANOS);
            return;
        }
        try {
            if (!done.compareAndSet(false, true)) return;
            upstream.cancel();
            reader.onError(limits.timeout(now));
        } finally {
            signalling.unlock();
        }
    }
}
