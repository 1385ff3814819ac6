package dev.groqj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers every request with one {@link Answer} written straight to the
 * socket: what no well-behaved server would do (stall after the headers, drip, send without end, redirect
 * elsewhere). Records the heads it got; counts the answers whose writing the client cut short.
 */
public final class HostileServer implements AutoCloseable {
    /** Writes the answer; may block until the client gives up (its writes then fail) or the server closes. */
    @FunctionalInterface
    public interface Answer {
        void write(OutputStream out, HostileServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Answer answer;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientAborts = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread acceptor;

    public HostileServer(Answer answer) throws IOException {
        this.answer = answer;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:PORT/openai/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/openai/v1";
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Request lines and headers received, one string per request. */
    public List<String> heads() {
        return heads;
    }

    /** Answers whose writing failed because the client closed the connection. */
    public int clientAborts() {
        return clientAborts.get();
    }

    /** Blocks an answer until the server closes (a body that never comes). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Waits up to {@code seconds} until {@code n} answers were cut short by the client. */
    public boolean awaitClientAborts(int n, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (clientAborts.get() < n && System.nanoTime() < end) Thread.sleep(10);
        return clientAborts.get() >= n;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            if (head == null) return;
            heads.add(head);
            skipBody(in, head);
            answer.write(out, this);
            out.flush();
        } catch (IOException e) {
            if (!socket.isClosed()) clientAborts.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) return head.toString(StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        for (Socket s : connections) s.close();
    }
}
