package dev.groqj.transport;

import dev.groqj.error.GroqTimeoutException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends the exchanges of a blocking transport that run past their limits. One daemon thread, made on the first
 * exchange and ended by {@link #close()}, looks at the exchanges in flight every {@link #CHECK_MILLIS} while there
 * are any, and stops after a second with none. A call joins and leaves with a set operation each: no timer task
 * of its own, and no wake-up of the thread per call. Not API.
 */
final class Watchdog {
    /** How late a limit may be noticed. */
    static final long CHECK_MILLIS = 20;
    private static final int IDLE_CHECKS_BEFORE_STOP = (int) (1000 / CHECK_MILLIS);

    /** An exchange under watch. */
    interface Watched {
        /** The limit that has passed at {@code now} ({@link System#nanoTime()}), or null. */
        GroqTimeoutException passedLimit(long now);

        /** Ends the exchange for {@code reason}: a read blocked in it fails. */
        void abort(GroqTimeoutException reason);
    }

    private final String threadName;
    private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private ScheduledThreadPoolExecutor thread;
    private volatile ScheduledFuture<?> sweeping;
    /** Checks in a row that found nothing in flight; the checking thread's own. */
    private int idleChecks;
    private boolean closed;

    Watchdog(String threadName) {
        this.threadName = threadName;
    }

    void watch(Watched exchange) {
        inFlight.add(exchange);
        if (sweeping == null) start();
    }

    void release(Watched exchange) {
        inFlight.remove(exchange);
    }

    private void start() {
        synchronized (lock) { // no I/O under it
            if (sweeping != null || closed) return;
            if (thread == null) {
                thread = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread t = new Thread(task, threadName);
                    t.setDaemon(true);
                    return t;
                });
            }
            idleChecks = 0;
            sweeping = thread.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Watched exchange : inFlight) {
            try {
                GroqTimeoutException reason = exchange.passedLimit(now);
                if (reason != null) {
                    inFlight.remove(exchange);
                    exchange.abort(reason);
                }
            } catch (RuntimeException e) {
                // one exchange's failure must not end the checks of the others (a periodic task that throws stops)
                inFlight.remove(exchange);
            }
        }
        if (!inFlight.isEmpty()) {
            idleChecks = 0;
        } else if (++idleChecks >= IDLE_CHECKS_BEFORE_STOP) {
            stopWhileIdle();
        }
    }

    private void stopWhileIdle() {
        synchronized (lock) {
            if (sweeping == null || !inFlight.isEmpty()) return;
            sweeping.cancel(false);
            sweeping = null;
            // a call that joined while this stopped saw the old task, not null: start again for it
            if (!inFlight.isEmpty()) start();
        }
    }

    /** Ends the thread; exchanges still in flight are no longer watched. */
    void close() {
        synchronized (lock) {
            closed = true;
            if (thread != null) thread.shutdownNow();
        }
    }
}
