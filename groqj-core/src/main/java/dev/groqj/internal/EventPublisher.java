package dev.groqj.internal;

import dev.groqj.error.GroqException;
import dev.groqj.error.StreamException;
import dev.groqj.internal.sse.SseEvent;
import dev.groqj.internal.sse.SseParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A stream as a {@link Flow.Publisher}, its items made by an {@link EventDecoder}: the one async implementation,
 * behind the async chat stream and every other. Each subscriber starts its own call, with its own decoder. The
 * body is read only as fast as the subscriber asks: one more piece of the body is requested from the transport
 * only when every item parsed so far was delivered and the subscriber wants more, so a slow subscriber holds at
 * most one piece in memory and the server is slowed by TCP flow control. {@code cancel()} aborts the exchange.
 * Failures end it as {@link dev.groqj.EventStream} says, through {@code onError}, after every item that arrived
 * before them. Not API.
 */
public final class EventPublisher<E> implements Flow.Publisher<E> {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final Supplier<CompletableFuture<AsyncOpenStream>> open;
    private final Supplier<? extends EventDecoder<E>> decoder;

    /**
     * @param open    starts one call
     * @param decoder makes a decoder for each call
     */
    public EventPublisher(Supplier<CompletableFuture<AsyncOpenStream>> open,
                          Supplier<? extends EventDecoder<E>> decoder) {
        this.open = Objects.requireNonNull(open, "open == null");
        this.decoder = Objects.requireNonNull(decoder, "decoder == null");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super E> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber == null");
        new EventSubscription(subscriber).start();
    }

    /**
     * Downstream it is the subscriber's subscription; upstream it subscribes to the body. Signals to the
     * subscriber are serialized by {@link #drain()}; the parser and the events are used only from upstream
     * signals, which arrive one at a time.
     */
    private final class EventSubscription implements Flow.Subscription, Flow.Subscriber<List<ByteBuffer>> {
        private final Flow.Subscriber<? super E> downstream;
        private final Queue<E> ready = new ConcurrentLinkedQueue<>();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean upstreamAsked = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile boolean ended;
        private volatile Throwable error;
        private volatile CompletableFuture<AsyncOpenStream> opening;
        private volatile AsyncOpenStream stream;
        private volatile Flow.Subscription upstream;
        private boolean terminated;
        /** Null when the answer is not an event stream: then its body is kept, capped, for the error message. */
        private SseParser parser;
        private ByteArrayOutputStream notEventStream;
        private StreamEvents<E> events;

        EventSubscription(Flow.Subscriber<? super E> downstream) {
            this.downstream = downstream;
        }

        void start() {
            downstream.onSubscribe(this);
            if (cancelled) return;
            CompletableFuture<AsyncOpenStream> future;
            try {
                future = open.get();
            } catch (GroqException e) {
                error = e;
                drain();
                return;
            }
            opening = future;
            if (cancelled) future.cancel(true);
            future.whenComplete((opened, failure) -> {
                if (failure != null) {
                    if (!cancelled) {
                        error = unwrap(failure);
                        drain();
                    }
                    return;
                }
                stream = opened;
                events = new StreamEvents<>(opened, decoder.get());
                if (StreamEvents.isEventStream(opened.headers())) parser = new SseParser(this::onEvent);
                else notEventStream = new ByteArrayOutputStream();
                if (cancelled || error != null) opened.close();
                else opened.body().subscribe(this);
            });
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                ready.clear();
                error = new IllegalArgumentException("request(n) needs n > 0, was " + n); // Reactive Streams 3.9
                abort();
            } else {
                requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            if (cancelled) return;
            cancelled = true;
            abort();
        }

        /** Aborts the exchange, opening or open; an open stream's call counts as ended by the reader. */
        private void abort() {
            CompletableFuture<AsyncOpenStream> f = opening;
            if (f != null) f.cancel(true);
            AsyncOpenStream s = stream;
            if (s != null) s.close();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            if (cancelled) subscription.cancel();
            else drain();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            upstreamAsked.set(false);
            try {
                for (ByteBuffer buffer : item) {
                    if (ended || error != null) break;
                    if (parser != null) parser.feed(buffer);
                    else keep(buffer);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
            drain();
        }

        @Override
        public void onError(Throwable failure) {
            if (!ended && error == null && !cancelled) fail(failure);
            drain();
        }

        @Override
        public void onComplete() {
            if (!ended && error == null) {
                try {
                    if (parser == null) throw notAnEventStream();
                    parser.finish();
                    if (!ended) end();
                } catch (RuntimeException e) {
                    fail(e);
                }
            }
            drain();
        }

        /** Reports the failure, then closes the exchange (a close alone would count as a normal end). */
        private void fail(Throwable failure) {
            error = events.failed(failure);
            stream.close();
        }

        /** Keeps the start of a body that is not an event stream; the cap read is enough for its message. */
        private void keep(ByteBuffer buffer) {
            int room = StreamEvents.MAX_ERROR_BODY_BYTES - notEventStream.size();
            byte[] bytes = new byte[Math.min(buffer.remaining(), room)];
            buffer.get(bytes);
            notEventStream.writeBytes(bytes);
            if (notEventStream.size() == StreamEvents.MAX_ERROR_BODY_BYTES) throw notAnEventStream();
        }

        private StreamException notAnEventStream() {
            return events.notAnEventStream(stream.statusCode(), notEventStream.toByteArray());
        }

        /** The parser's sink: runs inside {@code feed}/{@code finish}, on the upstream signal's thread. */
        private void onEvent(SseEvent event) {
            if (ended || error != null) return;
            if (StreamEvents.isDone(event)) {
                end();
                stream.close(); // nothing follows [DONE]: free the connection now
                return;
            }
            E item = events.decode(event);
            if (item != null) ready.add(item);
            if (events.stopped() != null) fail(events.stopped()); // delivered after the item that says so
        }

        private void end() {
            events.end();
            ended = true;
        }

        /** Delivers what the subscriber asked for, then the end; asks upstream for more only when all is delivered. */
        private void drain() {
            if (wip.getAndIncrement() != 0) return;
            int missed = 1;
            do {
                while (!terminated) {
                    if (cancelled) {
                        ready.clear();
                        terminated = true;
                        break;
                    }
                    boolean done = ended || error != null; // read before polling: an item queued earlier is seen
                    if (requested.get() > 0) {
                        E next = ready.poll();
                        if (next != null) {
                            requested.getAndUpdate(r -> r == Long.MAX_VALUE ? r : r - 1);
                            deliver(next);
                            continue;
                        }
                    }
                    if (done && ready.isEmpty()) {
                        terminated = true;
                        if (error != null) downstream.onError(error);
                        else downstream.onComplete();
                        break;
                    }
                    Flow.Subscription up = upstream;
                    if (!done && up != null && requested.get() > 0 && ready.isEmpty()
                            && upstreamAsked.compareAndSet(false, true)) {
                        up.request(1);
                        continue; // it may have answered at once, on this thread
                    }
                    break;
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void deliver(E item) {
            try {
                downstream.onNext(item);
            } catch (RuntimeException e) {
                // a subscriber must not throw (Reactive Streams 2.13): treat it as a cancel
                LOG.warn("Flow.Subscriber {} threw from onNext; the stream is cancelled", downstream, e);
                cancel();
            }
        }
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        if (t instanceof CancellationException) return new GroqException("stream cancelled", t);
        return t;
    }
}
