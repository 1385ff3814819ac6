package dev.groqj.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groqj.GroqResponse;
import dev.groqj.Page;
import dev.groqj.RequestOptions;
import dev.groqj.transport.HttpResponse;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link Page} of a list operation whose request is the {@code after} cursor (null for the first page). Not API.
 */
public final class CursorPage<T> implements Page<T> {
    /** What one answer holds: its items and where the next page starts, or null when none does. */
    public record Chunk<T>(List<T> data, String next) {
    }

    /** The cursor fields of a list answer; Groq's spec has none, OpenAI-style servers send these. */
    record Cursor(@JsonProperty("has_more") Boolean hasMore, @JsonProperty("last_id") String lastId) {
    }

    private final Chunk<T> chunk;
    private final ApiClient api;
    private final Operation<String, Chunk<T>> op;
    private final RequestOptions options;

    private CursorPage(Chunk<T> chunk, ApiClient api, Operation<String, Chunk<T>> op, RequestOptions options) {
        this.chunk = chunk;
        this.api = api;
        this.op = op;
        this.options = options;
    }

    /**
     * Decodes a list answer as {@code listType}, its items taken with {@code items}; the next page starts after
     * {@code last_id}, or after the last item's {@code id} when the answer has {@code has_more} but no {@code last_id}.
     */
    public static <L, T> BiFunction<String, HttpResponse, Chunk<T>> decoder(
            Class<L> listType, Function<L, List<T>> items, Function<T, String> id) {
        return (after, response) -> {
            List<T> data = items.apply(Json.decode(response, listType));
            Cursor cursor = Json.decode(response, Cursor.class);
            boolean more = Boolean.TRUE.equals(cursor.hasMore()) && !data.isEmpty();
            String next = !more ? null : cursor.lastId() != null ? cursor.lastId() : id.apply(data.get(data.size() - 1));
            return new Chunk<>(data, next);
        };
    }

    /** The {@code after} cursor as a query parameter, after any the caller set. */
    public static RequestOptions after(String after, RequestOptions options) {
        return after == null ? options : options.toBuilder().queryParam("after", after).build();
    }

    public static <T> GroqResponse<Page<T>> first(ApiClient api, Operation<String, Chunk<T>> op,
                                                  RequestOptions options) {
        GroqResponse<Chunk<T>> r = api.execute(op, null, options);
        return new GroqResponse<>(new CursorPage<>(r.value(), api, op, options), r.statusCode(), r.headers());
    }

    public static <T> CompletableFuture<GroqResponse<Page<T>>> firstAsync(ApiClient api,
                                                                          Operation<String, Chunk<T>> op,
                                                                          RequestOptions options) {
        return Futures.map(api.executeAsync(op, null, options), r -> new GroqResponse<>(
                new CursorPage<>(r.value(), api, op, options), r.statusCode(), r.headers()));
    }

    @Override
    public List<T> data() {
        return chunk.data();
    }

    @Override
    public boolean hasNextPage() {
        return chunk.next() != null;
    }

    @Override
    public Page<T> nextPage() {
        return new CursorPage<>(api.call(op, next(), options), api, op, options);
    }

    @Override
    public CompletableFuture<Page<T>> nextPageAsync() {
        String next;
        try {
            next = next();
        } catch (NoSuchElementException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Futures.map(api.callAsync(op, next, options), c -> new CursorPage<>(c, api, op, options));
    }

    private String next() {
        if (chunk.next() == null) throw new NoSuchElementException("the last page has no next page");
        return chunk.next();
    }

    @Override
    public String toString() {
        return "Page[" + chunk.data().size() + " items, " + (hasNextPage() ? "more after " + chunk.next() : "last")
                + "]";
    }
}
