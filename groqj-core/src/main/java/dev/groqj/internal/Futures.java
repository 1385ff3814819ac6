package dev.groqj.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Future plumbing that keeps {@code cancel} working through the pipeline's layers. Not API.
 *
 * <pre>{@code
 * CompletableFuture<ChatCompletion> value = Futures.map(api.postJsonAsync(...), GroqResponse::value);
 * value.cancel(true); // cancels the call below, which aborts the HTTP exchange
 * }</pre>
 */
public final class Futures {
    private Futures() {
    }

    /** {@code source.thenApply(fn)}, except that cancelling the result cancels {@code source} too. */
    public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        return cancelling(source, source.thenApply(fn));
    }

    /** {@code source.thenCompose(fn)}, except that cancelling the result cancels {@code source} and the next step. */
    public static <T, R> CompletableFuture<R> compose(CompletableFuture<T> source,
                                                      Function<? super T, CompletableFuture<R>> fn) {
        CompletableFuture<R> result = new CompletableFuture<>();
        source.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            CompletableFuture<R> next;
            try {
                next = fn.apply(value);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            cancelling(next, result);
            next.whenComplete((r, e) -> {
                if (e != null) result.completeExceptionally(e);
                else result.complete(r);
            });
        });
        return cancelling(source, result);
    }

    /** Cancels {@code source} when {@code dependent} is cancelled; returns {@code dependent}. */
    private static <R> CompletableFuture<R> cancelling(CompletableFuture<?> source, CompletableFuture<R> dependent) {
        dependent.whenComplete((r, e) -> {
            if (dependent.isCancelled()) source.cancel(true);
        });
        return dependent;
    }
}
