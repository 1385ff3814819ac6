package dev.groqj.transport;

import java.io.IOException;
import java.io.InputStream;

/** Placeholder: replaced by the audio work (streamed multipart/form-data). */
public final class MultipartBody implements RequestBody {
    @Override public String contentType() { throw new UnsupportedOperationException(); }
    @Override public long contentLength() { throw new UnsupportedOperationException(); }
    @Override public InputStream open() throws IOException { throw new UnsupportedOperationException(); }
}
