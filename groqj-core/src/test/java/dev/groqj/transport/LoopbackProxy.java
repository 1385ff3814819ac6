package dev.groqj.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * A forward proxy on 127.0.0.1 for tests: {@code CONNECT host:port} tunnels (https), and absolute-form requests
 * ({@code GET http://host/path}) with a Content-Length body or none, one per connection (plain http). Given
 * credentials, it answers 407 to any request without them.
 */
final class LoopbackProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private LoopbackProxy(String username, String password) throws IOException {
        this.expectedAuthorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(ISO_8859_1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    static LoopbackProxy open() throws IOException {
        return new LoopbackProxy(null, null);
    }

    static LoopbackProxy requiringBasic(String username, String password) throws IOException {
        return new LoopbackProxy(username, password);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** The first line of every request received, CONNECT and 407-refused ones included. */
    List<String> requestLines() {
        return requestLines;
    }

    int tunnels() {
        return tunnels.get();
    }

    int forwarded() {
        return forwarded.get();
    }

    /** Requests answered 407. */
    int refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String[] head = readHead(in).split("\r\n");
            requestLines.add(head[0]);
            if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "proxy-authorization"))) {
                refused.incrementAndGet();
                client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(ISO_8859_1));
                return;
            }
            String[] requestLine = head[0].split(" ");
            if (requestLine[0].equals("CONNECT")) tunnel(client, requestLine[1]);
            else forward(client, requestLine, head);
        } catch (IOException e) {
            // a side went away; the test's assertions tell whether that mattered
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            tunnels.incrementAndGet();
            client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(ISO_8859_1));
            threads.execute(() -> pipe(client, target));
            pipe(target, client);
        }
    }

    /** Sends the request on in origin form with {@code Connection: close}, and the answer back likewise. */
    private void forward(Socket client, String[] requestLine, String[] head) throws IOException {
        URI uri = URI.create(requestLine[1]);
        try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
            forwarded.incrementAndGet();
            StringBuilder request = new StringBuilder(requestLine[0] + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
            appendHeaders(request, head);
            OutputStream out = target.getOutputStream();
            out.write(request.toString().getBytes(ISO_8859_1));
            String length = header(head, "content-length");
            if (length != null) out.write(client.getInputStream().readNBytes(Integer.parseInt(length)));
            InputStream answer = target.getInputStream();
            String[] answerHead = readHead(answer).split("\r\n");
            StringBuilder response = new StringBuilder(answerHead[0] + "\r\n");
            appendHeaders(response, answerHead);
            client.getOutputStream().write(response.toString().getBytes(ISO_8859_1));
            answer.transferTo(client.getOutputStream());
        }
    }

    /** The headers after the first line, less the proxy's and connection ones, then {@code Connection: close}. */
    private static void appendHeaders(StringBuilder to, String[] head) {
        for (int i = 1; i < head.length; i++) {
            String name = head[i].substring(0, head[i].indexOf(':')).toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection")) to.append(head[i]).append("\r\n");
        }
        to.append("Connection: close\r\n\r\n");
    }

    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
    }

    private static String header(String[] head, String name) {
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (head[i].substring(0, colon).trim().equalsIgnoreCase(name)) return head[i].substring(colon + 1).trim();
        }
        return null;
    }

    /** Reads up to the blank line, byte by byte, so nothing after the head is consumed. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            last4 = last4 << 8 | b;
            if (last4 == 0x0d0a0d0a) return head.toString(ISO_8859_1).substring(0, head.size() - 4);
        }
        throw new IOException("connection closed before the end of the head");
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
