package dev.groqj.internal;

import dev.groqj.RequestOptions;

/** What every file upload shares. Not API. */
public final class Uploads {
    private Uploads() {
    }

    /** {@code options}, without retries when the file cannot be read twice: a one-shot stream cannot be resent. */
    public static RequestOptions options(boolean repeatable, RequestOptions options) {
        RequestOptions effective = options == null ? RequestOptions.DEFAULT : options;
        return repeatable ? effective : effective.toBuilder().maxRetries(0).build();
    }
}
