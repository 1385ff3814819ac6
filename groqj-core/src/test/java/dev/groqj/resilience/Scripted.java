package dev.groqj.resilience;

import dev.groqj.error.GroqException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** An attempt that fails with the scripted errors in turn, then answers "ok"; counts how often it ran. */
final class Scripted implements Supplier<String> {
    private final List<GroqException> errors;
    final AtomicInteger calls = new AtomicInteger();

    Scripted(GroqException... errors) {
        this.errors = List.of(errors);
    }

    /** Fails with {@code error} every time. */
    static Supplier<String> always(GroqException error, AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            throw error;
        };
    }

    @Override
    public String get() {
        int n = calls.getAndIncrement();
        if (n < errors.size()) throw errors.get(n);
        return "ok";
    }

    /** The same script as an async attempt whose futures fail instead of throwing. */
    Supplier<CompletableFuture<String>> async() {
        return () -> {
            try {
                return CompletableFuture.completedFuture(get());
            } catch (GroqException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }
}
