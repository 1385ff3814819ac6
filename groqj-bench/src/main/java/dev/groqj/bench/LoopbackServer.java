package dev.groqj.bench;

import com.sun.management.OperatingSystemMXBean;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A Groq-shaped HTTP/1.1 server on 127.0.0.1, fast enough not to be what the benchmarks measure.
 *
 * <pre>{@code
 * java -Dgroqj.fixtures=... dev.groqj.bench.LoopbackServer   # prints "LISTENING <port>", exits when stdin closes
 * }</pre>
 *
 * Every answer is rendered once at start-up; serving one is a header parse and a single write. A thread per
 * connection with keep-alive: the clients' pools decide how many connections there are.
 * <ul>
 *   <li>{@code POST .../chat/completions} — the recorded completion, or with {@code "stream":true} in the body,
 *       the 1,000-chunk event stream (chunked transfer encoding, one HTTP chunk per event, as Groq sends it).</li>
 *   <li>{@code POST /hold/.../chat/completions} with {@code "stream":true} — the first event, then nothing until
 *       {@code GET /_release} (or two minutes), then the last event and {@code [DONE]}: streams held open.</li>
 *   <li>{@code POST /paced/.../chat/completions} with {@code "stream":true} — a Groq-paced stream: the headers at
 *       once, the role chunk after {@value Fixtures#PACED_FIRST_CHUNK_MS} ms, then a content chunk every
 *       {@value Fixtures#PACED_TICK_MS} ms ({@link Fixtures#pacedChunks()}), the last chunk and {@code [DONE]}
 *       with the last content chunk. Times are kept against the request's arrival, so a late write is not
 *       carried into the next.</li>
 *   <li>{@code GET /_stats} — {@code "<requests> <process CPU ns>"}, so the harness can show the server's headroom.</li>
 *   <li>{@code GET /_paced} — {@code "<streams> <p50 µs> <p99 µs>"}: how late the server wrote the paced streams'
 *       first chunks since the last call (its own share of a client's time to first chunk).</li>
 * </ul>
 * The TLS + HTTP/2 side is {@link TlsServer}, started when {@code groqj.bench.tls.keystore} names a key store.
 */
public final class LoopbackServer {
    private static final byte[] STREAM_MARKER = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);
    private static final long HOLD_LIMIT_SECONDS = 120;

    private final byte[] completionResponse;
    private final byte[] streamResponse;
    private final byte[] heldHead;
    private final byte[] heldTail;
    private final byte[] pacedHead;
    /** Each paced write: an event framed as an HTTP chunk; the last also carries [DONE] and the end of the body. */
    private final byte[][] pacedWrites;
    private final Stats pacedLateness = new Stats();
    private final AtomicLong requests = new AtomicLong();
    private volatile CountDownLatch release = new CountDownLatch(1);

    LoopbackServer(Fixtures fixtures) {
        byte[] completion = fixtures.completion();
        completionResponse = concat(head("application/json", "Content-Length: " + completion.length), completion);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(head("text/event-stream", "Transfer-Encoding: chunked"));
        for (String chunk : fixtures.chunks()) stream.writeBytes(httpChunk(Fixtures.event(chunk)));
        stream.writeBytes(httpChunk(Fixtures.done()));
        stream.writeBytes(lastHttpChunk());
        streamResponse = stream.toByteArray();
        heldHead = concat(head("text/event-stream", "Transfer-Encoding: chunked"),
                httpChunk(Fixtures.event(fixtures.chunks().get(0))));
        String last = fixtures.chunks().get(fixtures.chunks().size() - 1);
        heldTail = concat(concat(httpChunk(Fixtures.event(last)), httpChunk(Fixtures.done())), lastHttpChunk());
        pacedHead = head("text/event-stream", "Transfer-Encoding: chunked");
        List<String> paced = fixtures.pacedChunks();
        pacedWrites = new byte[paced.size() - 1][];
        for (int i = 0; i < pacedWrites.length; i++) pacedWrites[i] = httpChunk(Fixtures.event(paced.get(i)));
        int end = pacedWrites.length - 1;
        pacedWrites[end] = concat(concat(concat(pacedWrites[end], httpChunk(Fixtures.event(paced.get(end + 1)))),
                httpChunk(Fixtures.done())), lastHttpChunk());
    }

    public static void main(String[] args) throws Exception {
        Fixtures fixtures = Fixtures.load();
        LoopbackServer server = new LoopbackServer(fixtures);
        ServerSocket socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        String keyStore = System.getProperty("groqj.bench.tls.keystore");
        String tlsPort = keyStore == null ? "" : " " + TlsServer.start(fixtures, Path.of(keyStore), server.requests);
        System.out.println("LISTENING " + socket.getLocalPort() + tlsPort);
        System.out.flush();
        Thread watchdog = new Thread(() -> {
            // the harness owns this process: when it goes away (stdin closes), so does the server
            try {
                while (System.in.read() >= 0) { /* nothing is sent on stdin */ }
            } catch (IOException ignored) {
                // closed either way
            }
            System.exit(0);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        server.serve(socket);
    }

    void serve(ServerSocket listener) throws IOException {
        ExecutorService connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(null, r, "conn", 256 * 1024);
            t.setDaemon(true);
            return t;
        });
        while (true) {
            Socket s = listener.accept();
            s.setTcpNoDelay(true);
            connections.execute(() -> connection(s));
        }
    }

    private void connection(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            Request r;
            while ((r = Request.read(in)) != null) {
                requests.incrementAndGet();
                respond(r, out);
                if (r.close) break;
            }
        } catch (IOException | InterruptedException ignored) {
            // the client went away: nothing to answer
        }
    }

    private void respond(Request r, OutputStream out) throws IOException, InterruptedException {
        if (r.path.endsWith("/chat/completions")) {
            boolean stream = indexOf(r.body, STREAM_MARKER) >= 0;
            if (stream && r.path.startsWith("/paced/")) {
                paced(r.arrived, out);
            } else if (stream && r.path.startsWith("/hold/")) {
                CountDownLatch latch = release;
                out.write(heldHead);
                out.flush();
                latch.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
                out.write(heldTail);
            } else {
                out.write(stream ? streamResponse : completionResponse);
            }
        } else if (r.path.equals("/_release")) {
            CountDownLatch held = release;
            release = new CountDownLatch(1);
            held.countDown();
            out.write(text(200, "released"));
        } else if (r.path.equals("/_paced")) {
            String stats;
            synchronized (pacedLateness) {
                int n = pacedLateness.size();
                stats = n == 0 ? "0 0 0"
                        : n + " " + pacedLateness.percentile(50) / 1000 + " " + pacedLateness.percentile(99) / 1000;
                pacedLateness.clear();
            }
            out.write(text(200, stats));
        } else if (r.path.equals("/_stats")) {
            long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            out.write(text(200, requests.get() + " " + cpu));
        } else {
            out.write(text(404, "{\"error\":{\"message\":\"no route " + r.path + "\",\"type\":\"invalid_request_error\"}}"));
        }
        out.flush();
    }

    /** Writes a paced stream, each write at its time after {@code arrived} ({@link System#nanoTime()}). */
    private void paced(long arrived, OutputStream out) throws IOException {
        out.write(pacedHead);
        out.flush();
        long first = arrived + Fixtures.PACED_FIRST_CHUNK_MS * 1_000_000L;
        for (int i = 0; i < pacedWrites.length; i++) {
            long due = first + i * Fixtures.PACED_TICK_MS * 1_000_000L;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            if (i == 0) {
                long late = System.nanoTime() - due;
                synchronized (pacedLateness) {
                    pacedLateness.add(late);
                }
            }
            out.write(pacedWrites[i]);
            out.flush();
        }
    }

    /** Groq's response headers (rate-limit set included: a client that parses them pays for it here too). */
    static final String[][] GROQ_HEADERS = {
        {"cache-control", "private, max-age=0, no-store, no-cache, must-revalidate"},
        {"x-groq-region", "us-east-1"},
        {"x-ratelimit-limit-requests", "14400"},
        {"x-ratelimit-limit-tokens", "6000"},
        {"x-ratelimit-remaining-requests", "14399"},
        {"x-ratelimit-remaining-tokens", "5947"},
        {"x-ratelimit-reset-requests", "6s"},
        {"x-ratelimit-reset-tokens", "530ms"},
        {"x-request-id", "req_01kh52m3qqem4sw141xf026ehx"},
    };

    private static byte[] head(String contentType, String framing) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append(framing).append("\r\n");
        for (String[] h : GROQ_HEADERS) sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(int status, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return concat(("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), b);
    }

    private static byte[] httpChunk(byte[] data) {
        return concat(concat((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), data),
                "\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] lastHttpChunk() {
        return "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** One HTTP/1.1 request: the path, the body, and whether the client asked to close. */
    private static final class Request {
        final String path;
        final byte[] body;
        final boolean close;
        /** When its request line was read ({@link System#nanoTime()}). */
        final long arrived;

        private Request(String path, byte[] body, boolean close, long arrived) {
            this.path = path;
            this.body = body;
            this.close = close;
            this.arrived = arrived;
        }

        /** The next request on the connection, or null at end of stream. */
        static Request read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) return null;
            long arrived = System.nanoTime();
            int sp1 = requestLine.indexOf(' ');
            int sp2 = requestLine.indexOf(' ', sp1 + 1);
            if (sp1 < 0 || sp2 < 0) throw new IOException("bad request line: " + requestLine);
            String path = requestLine.substring(sp1 + 1, sp2);
            int length = 0;
            boolean chunked = false;
            boolean close = false;
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) length = Integer.parseInt(h.substring(15).trim());
                else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) chunked = true;
                else if (h.startsWith("connection:") && h.contains("close")) close = true;
            }
            byte[] body = chunked ? readChunked(in) : in.readNBytes(length);
            return new Request(path, body, close, arrived);
        }

        private static byte[] readChunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) throw new IOException("eof in chunked body");
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    while (true) {
                        String trailer = line(in);
                        if (trailer == null || trailer.isEmpty()) return body.toByteArray();
                    }
                }
                body.writeBytes(in.readNBytes(n));
                line(in);
            }
        }

        /** A CRLF-terminated ASCII line without its terminator; null at end of stream before any byte. */
        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int n = sb.length();
                    if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                    return sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }
    }
}
