package dev.groqj.redis;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real {@code redis-server} (Debian's package) on a free loopback port, without persistence, for one test class;
 * it can be stopped and started again on the same port. Without redis-server the tests are skipped, saying so,
 * except on CI ({@code CI=true}), where {@code .ci/run} installs it and its absence fails them.
 */
final class RedisServer implements AutoCloseable {
    private static final String BINARY = "redis-server";

    private final int port;
    private final Path log;
    private Process process;

    private RedisServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Starts a server on a free port; skips the test (fails it on CI) when redis-server is not installed. */
    static RedisServer start() throws IOException {
        requireInstalled();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RedisServer server = new RedisServer(port, Files.createTempFile("redis-" + port, ".log"));
        server.startAgain();
        return server;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts the server (again) on its port and waits until it accepts connections, 10 s at most. */
    void startAgain() throws IOException {
        process = new ProcessBuilder(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "no"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) break;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling readiness, not timing
            }
        }
        fail("redis-server did not start on port " + port + ": " + Files.readString(log));
    }

    /** Stops the server (SIGTERM), waiting until it is gone. */
    void stop() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void requireInstalled() {
        boolean present;
        try {
            Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        String why = BINARY + " is not installed (Debian: apt-get install redis-server); groqj-redis tests need a real Redis";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) fail(why + "; .ci/run installs it");
        Assumptions.assumeTrue(present, why + ": skipped outside CI");
    }
}
