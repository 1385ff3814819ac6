package dev.groqj.bench;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The self-signed certificate of the TLS scenarios, made at bench start with the JDK's {@code keytool}, and what
 * a client needs to trust it (and only it).
 *
 * <pre>{@code
 * BenchTls tls = BenchTls.create(Path.of("target/bench/tls"));   // the server reads tls.keyStore()
 * HttpClient.newBuilder().sslContext(tls.context());
 * }</pre>
 *
 * An EC P-256 key (what most public HTTPS servers present) for 127.0.0.1 and localhost, so every client's
 * hostname check passes with no override.
 */
public final class BenchTls {
    public static final String PASSWORD = "groqj-bench";

    private final Path keyStore;
    private final SSLContext context;
    private final X509TrustManager trustManager;

    private BenchTls(Path keyStore, SSLContext context, X509TrustManager trustManager) {
        this.keyStore = keyStore;
        this.context = context;
        this.trustManager = trustManager;
    }

    /** Makes a new key and certificate in {@code dir} (any old one is replaced) and a context that trusts it. */
    public static BenchTls create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path store = dir.resolve("bench.p12");
        Files.deleteIfExists(store);
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return load(store);
    }

    /** A context that trusts the certificate in {@code store} and nothing else. */
    public static BenchTls load(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("bench", keys.getCertificate("bench"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            X509TrustManager tm = null;
            for (TrustManager m : tmf.getTrustManagers()) if (m instanceof X509TrustManager x) tm = x;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {tm}, null);
            return new BenchTls(store, context, tm);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load " + store, e);
        }
    }

    public Path keyStore() {
        return keyStore;
    }

    public SSLContext context() {
        return context;
    }

    /** For OkHttp, which takes the trust manager beside the socket factory. */
    public X509TrustManager trustManager() {
        return trustManager;
    }
}
