package dev.groqj.bench;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by every live thread of this JVM — the caller's and the clients' own (selector, reader and
 * pool threads) — so a client that moves work onto its threads is still charged for it.
 *
 * <pre>{@code
 * Allocation before = Allocation.snapshot();
 * ... work ...
 * long bytes = Allocation.snapshot().since(before);
 * }</pre>
 *
 * A thread that ends between two snapshots takes its count with it; the harness keeps its own workers alive
 * until measured, and the clients' threads are pooled.
 */
final class Allocation {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> byThread;

    private Allocation(Map<Long, Long> byThread) {
        this.byThread = byThread;
    }

    static Allocation snapshot() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) m.put(ids[i], bytes[i]);
        }
        return new Allocation(m);
    }

    /** Bytes allocated since {@code earlier}; a thread born in between counts from zero. */
    long since(Allocation earlier) {
        long total = 0;
        for (Map.Entry<Long, Long> e : byThread.entrySet()) {
            total += e.getValue() - earlier.byThread.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }
}
