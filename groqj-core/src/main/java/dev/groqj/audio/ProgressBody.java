package dev.groqj.audio;

import dev.groqj.transport.RequestBody;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body that tells a {@link ProgressListener} how much of it the transport has read; each open counts from 0. */
final class ProgressBody implements RequestBody {
    private final RequestBody body;
    private final ProgressListener listener;

    ProgressBody(RequestBody body, ProgressListener listener) {
        this.body = body;
        this.listener = listener;
    }

    @Override
    public String contentType() {
        return body.contentType();
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public InputStream open() throws IOException {
        long total = body.contentLength();
        return new FilterInputStream(body.open()) {
            private long sent;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) listener.onProgress(++sent, total);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) listener.onProgress(sent += n, total);
                return n;
            }
        };
    }
}
