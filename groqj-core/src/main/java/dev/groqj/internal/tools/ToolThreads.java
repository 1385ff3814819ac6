package dev.groqj.internal.tools;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors for a tool run's parallel calls: a virtual thread per call where the JDK has them (21+, found by
 * reflection since groqj is Java 17 bytecode), else a pool of at most {@link #MAX_PLATFORM_THREADS} daemon
 * threads. The run shuts its executor down when it ends. Not API.
 */
public final class ToolThreads {
    static final int MAX_PLATFORM_THREADS = 8;
    private static final Method VIRTUAL = virtualThreadFactory();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ToolThreads() {
    }

    /** Whether calls run on virtual threads. */
    public static boolean virtual() {
        return VIRTUAL != null;
    }

    /** A new executor for one run, for at most {@code parallelism} calls at once on platform threads. */
    public static ExecutorService newExecutor(int parallelism) {
        if (VIRTUAL != null) {
            try {
                return (ExecutorService) VIRTUAL.invoke(null);
            } catch (ReflectiveOperationException e) {
                // fall through to platform threads: the method exists but refused, as no JDK does
            }
        }
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "groqj-tool-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, MAX_PLATFORM_THREADS)), daemons);
    }

    private static Method virtualThreadFactory() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
