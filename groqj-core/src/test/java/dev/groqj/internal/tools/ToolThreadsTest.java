package dev.groqj.internal.tools;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ToolThreadsTest {
    @Test
    void callsRunOnVirtualThreadsExactlyWhenTheJdkHasThem() throws Exception {
        boolean jdkHasThem = Runtime.version().feature() >= 21;
        ExecutorService executor = ToolThreads.newExecutor(3);
        try {
            Thread thread = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            assertThat(ToolThreads.virtual()).isEqualTo(jdkHasThem);
            assertThat(isVirtual(thread)).isEqualTo(jdkHasThem);
            if (!jdkHasThem) assertThat(thread.isDaemon()).isTrue();
        } finally {
            executor.shutdown();
        }
    }

    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
