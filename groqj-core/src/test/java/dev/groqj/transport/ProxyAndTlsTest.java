package dev.groqj.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.groqj.GroqClient;
import dev.groqj.error.ApiException;
import dev.groqj.error.GroqException;
import dev.groqj.error.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GroqClient.Builder} proxy and TLS settings, through a real proxy to real servers on 127.0.0.1. */
class ProxyAndTlsTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final byte[] MODELS = "{\"object\":\"list\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);

    private static SSLContext serverTls;
    private static SSLContext clientTls;

    /** Authorization header and TLS protocol of each request the origin received. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean proxyAuthorizationSeen;
    private HttpServer origin;
    private LoopbackProxy proxy;
    private GroqClient client;

    @BeforeAll
    static void selfSignedCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance(store.toFile(), STORE_PASSWORD);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) client.close();
        if (proxy != null) proxy.close();
        if (origin != null) origin.stop(0);
    }

    @Test
    void plainHttpGoesThroughTheProxyInAbsoluteForm() throws IOException {
        String base = startOrigin(HttpServer.create(loopback(), 0), "http");
        proxy = LoopbackProxy.open();
        client = clientOf(base).proxy(ProxySelector.of(proxy.address())).build();

        client.models().list();
        client.models().list();

        assertThat(proxy.forwarded()).isEqualTo(2);
        assertThat(proxy.requestLines()).containsExactly("GET " + base + "/models HTTP/1.1", "GET " + base + "/models HTTP/1.1");
        assertThat(received).containsExactly("Bearer gsk_test", "Bearer gsk_test");
    }

    @Test
    void httpsTunnelsThroughConnectAndTrustsTheGivenSslContext() throws IOException {
        String base = startHttpsOrigin();
        proxy = LoopbackProxy.open();
        client = clientOf(base).proxy(ProxySelector.of(proxy.address())).sslContext(clientTls).build();

        client.models().list();

        assertThat(proxy.tunnels()).isEqualTo(1);
        assertThat(proxy.requestLines()).containsExactly("CONNECT " + base.substring("https://".length(),
                base.indexOf("/openai")) + " HTTP/1.1");
        assertThat(received).hasSize(1).allSatisfy(r -> assertThat(r).startsWith("Bearer gsk_test TLS"));
    }

    @Test
    void withoutTheSslContextTheSelfSignedServerIsNotTrusted() throws IOException {
        String base = startHttpsOrigin();
        client = clientOf(base).build();

        assertThatThrownBy(() -> client.models().list()).isInstanceOf(GroqException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void sslParametersChooseTheProtocol() throws IOException {
        String base = startHttpsOrigin();
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        client = clientOf(base).sslContext(clientTls).sslParameters(tls12).build();

        client.models().list();

        assertThat(received).containsExactly("Bearer gsk_test TLSv1.2");
    }

    @Test
    void proxyCredentialsGoToTheProxyAndTheKeyStillToTheServer() throws IOException {
        String base = startOrigin(HttpServer.create(loopback(), 0), "http");
        proxy = LoopbackProxy.requiringBasic("ada", "s3cret");
        client = clientOf(base).proxy(ProxySelector.of(proxy.address())).proxyAuthentication("ada", "s3cret").build();

        client.models().list();

        assertThat(proxy.refused()).isZero();
        assertThat(proxy.forwarded()).isEqualTo(1);
        assertThat(received).containsExactly("Bearer gsk_test");
    }

    @Test
    void proxyCredentialsNeverReachAServerTheSelectorSendsDirect() throws IOException {
        String base = startOrigin(HttpServer.create(loopback(), 0), "http");
        client = clientOf(base).proxy(ProxySelector.of(null)).proxyAuthentication("ada", "s3cret").build();

        client.models().list();

        assertThat(received).containsExactly("Bearer gsk_test");
        assertThat(proxyAuthorizationSeen).isFalse();
    }

    @Test
    void proxyAnswering407WithoutCredentialsGivenEndsTheCallWithStatus407() throws IOException {
        String base = startOrigin(HttpServer.create(loopback(), 0), "http");
        proxy = LoopbackProxy.requiringBasic("ada", "s3cret");
        client = clientOf(base).proxy(ProxySelector.of(proxy.address())).build();

        assertThatThrownBy(() -> client.models().list()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.statusCode()).isEqualTo(407));
        assertThat(received).isEmpty();
    }

    @Test
    void jdkDefaultsKeepBasicCredentialsOffAnHttpsTunnel() throws IOException {
        String base = startHttpsOrigin();
        proxy = LoopbackProxy.requiringBasic("ada", "s3cret");
        client = clientOf(base).proxy(ProxySelector.of(proxy.address())).proxyAuthentication("ada", "s3cret")
                .sslContext(clientTls).build();

        assertThatThrownBy(() -> client.models().list()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.statusCode()).isEqualTo(407));
        assertThatThrownBy(() -> client.async().models().list().join()).hasCauseInstanceOf(ApiException.class);
        assertThat(proxy.requestLines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("CONNECT "));
        assertThat(proxy.refused()).isEqualTo(2);
        assertThat(received).isEmpty();
    }

    @Test
    void networkSettingsWithAnOwnTransportAreRefused() {
        try (JdkHttpTransport own = new JdkHttpTransport(HttpClient.newHttpClient())) {
            assertThatThrownBy(() -> GroqClient.builder().apiKey("gsk_test").transport(own)
                    .sslContext(clientTls).build())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("transport"));
        }
    }

    @Test
    void apacheTransportGoesThroughTheProxyAndTrustsItsSslContextBlockingAndAsync() throws IOException {
        String base = startHttpsOrigin();
        proxy = LoopbackProxy.open();
        try (ApacheHttpTransport apache = ApacheHttpTransport.builder().proxy(ProxySelector.of(proxy.address()))
                .sslContext(clientTls).build()) {
            client = clientOf(base).transport(apache).build();

            client.models().list();
            client.async().models().list().join(); // the JDK transport it makes for async calls, same settings

            assertThat(proxy.tunnels()).isEqualTo(2);
            assertThat(received).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("Bearer gsk_test TLS"));
        }
    }

    @Test
    void apacheTransportWithoutTheSslContextDoesNotTrustTheSelfSignedServer() throws IOException {
        String base = startHttpsOrigin();
        try (ApacheHttpTransport apache = ApacheHttpTransport.create(Duration.ofSeconds(5))) {
            client = clientOf(base).transport(apache).build();

            assertThatThrownBy(() -> client.models().list()).isInstanceOf(GroqException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            assertThat(received).isEmpty();
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private String startHttpsOrigin() throws IOException {
        HttpsServer https = HttpsServer.create(loopback(), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        return startOrigin(https, "https");
    }

    private String startOrigin(HttpServer server, String scheme) {
        origin = server;
        origin.createContext("/", this::answerModels);
        origin.start();
        return scheme + "://127.0.0.1:" + origin.getAddress().getPort() + "/openai/v1";
    }

    private void answerModels(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (exchange.getRequestHeaders().containsKey("Proxy-Authorization")) proxyAuthorizationSeen = true;
            received.add(exchange instanceof HttpsExchange https
                    ? auth + " " + https.getSSLSession().getProtocol() : auth);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, MODELS.length);
            exchange.getResponseBody().write(MODELS);
        }
    }

    private static GroqClient.Builder clientOf(String baseUrl) {
        return GroqClient.builder().apiKey("gsk_test").baseUrl(baseUrl).maxRetries(0).timeout(Duration.ofSeconds(20));
    }
}
