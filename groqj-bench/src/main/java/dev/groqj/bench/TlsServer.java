package dev.groqj.bench;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same Groq-shaped answers as {@link LoopbackServer}, over TLS with HTTP/2 negotiated by ALPN (HTTP/1.1 for
 * a client that offers nothing else), served by Jetty in the server's JVM.
 *
 * <pre>{@code
 * int port = TlsServer.start(fixtures, Path.of("bench.p12"), requests);   // https://127.0.0.1:port/openai/v1
 * }</pre>
 *
 * A stream is written one event per write, so each event leaves as its own HTTP/2 DATA frame, as Groq sends it.
 */
final class TlsServer {
    private TlsServer() {
    }

    /** Starts the server on an ephemeral loopback port; counts each request in {@code requests}. */
    static int start(Fixtures fixtures, Path keyStore, AtomicLong requests) throws Exception {
        byte[] completion = fixtures.completion();
        List<byte[]> events = new java.util.ArrayList<>();
        for (String chunk : fixtures.chunks()) events.add(Fixtures.event(chunk));
        events.add(Fixtures.done());

        QueuedThreadPool threads = new QueuedThreadPool(256);
        threads.setName("tls");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.addCustomizer(new SecureRequestCustomizer(false));
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        h2.setMaxConcurrentStreams(1024);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keyStore.toString());
        ssl.setKeyStorePassword(BenchTls.PASSWORD);
        ssl.setKeyStoreType("PKCS12");
        ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
        ssl.setSniRequired(false);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()),
                alpn, h2, http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                requests.incrementAndGet();
                String path = request.getHttpURI().getPath();
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                if (!path.endsWith("/chat/completions")) {
                    response.setStatus(404);
                    response.write(true, ByteBuffer.wrap(("no route " + path).getBytes(StandardCharsets.UTF_8)), callback);
                    return true;
                }
                boolean stream = body.contains("\"stream\":true");
                response.setStatus(200);
                for (String[] h : LoopbackServer.GROQ_HEADERS) response.getHeaders().put(h[0], h[1]);
                if (!stream) {
                    response.getHeaders().put("content-type", "application/json");
                    response.write(true, ByteBuffer.wrap(completion), callback);
                    return true;
                }
                response.getHeaders().put("content-type", "text/event-stream");
                for (byte[] event : events) {
                    FutureCallback written = new FutureCallback();
                    response.write(false, ByteBuffer.wrap(event), written);
                    written.get();
                }
                response.write(true, null, callback);
                return true;
            }
        });
        server.start();
        return connector.getLocalPort();
    }
}
