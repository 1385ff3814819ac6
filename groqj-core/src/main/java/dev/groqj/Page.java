package dev.groqj;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a list the API returns in pieces (files, batches), and the way to the next.
 *
 * <pre>{@code
 * for (FileObject f : client.files().list().autoPager()) { ... }   // every file, pages fetched as needed
 * Page<Batch> page = client.batches().list(RequestOptions.builder().queryParam("limit", "20").build());
 * while (page.hasNextPage()) page = page.nextPage();
 * }</pre>
 *
 * <p>The next page is asked for with {@code after=<last id>} and the same options (a {@code limit} query
 * parameter carries over). Groq's API reference documents no cursor for these lists today: a page continues only
 * when the answer says {@code "has_more": true}, so an answer without it is the whole list, one page.
 *
 * @param <T> the items
 */
public interface Page<T> {
    /** This page's items. */
    List<T> data();

    /** Whether the answer said more items follow ({@code has_more}). */
    boolean hasNextPage();

    /**
     * Fetches the page after this one.
     *
     * @throws NoSuchElementException when there is none ({@link #hasNextPage()} is false)
     */
    Page<T> nextPage();

    /** {@link #nextPage()} without blocking; fails with {@link NoSuchElementException} when there is none. */
    CompletableFuture<Page<T>> nextPageAsync();

    /**
     * Every item of this page and the ones after it, in order; each next page is fetched (blocking) only when
     * iteration reaches it. Each {@code iterator()} starts again from this page.
     */
    default Iterable<T> autoPager() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private Iterator<T> items = page.data().iterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext() && page.hasNextPage()) {
                    page = page.nextPage();
                    items = page.data().iterator();
                }
                return items.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return items.next();
            }
        };
    }
}
