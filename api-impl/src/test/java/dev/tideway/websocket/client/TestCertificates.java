package dev.tideway.websocket.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed server certificates made at test time with {@code keytool} into
 * {@code target/test-tls/}, once per name per test run, and the TLS contexts to use them: the server's
 * (its key) and the client's (trusting that certificate only). Also PEM files for the Node and Python
 * peers.
 */
final class TestCertificates {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Path DIRECTORY = Path.of("target", "test-tls");
    private static final ConcurrentHashMap<String, KeyStore> STORES = new ConcurrentHashMap<>();

    private final String name;
    private final KeyStore store;

    private TestCertificates(String name, KeyStore store) {
        this.name = name;
        this.store = store;
    }

    /** For {@code localhost} and 127.0.0.1. */
    static TestCertificates localhost() {
        return forSubjectAltName("localhost", "dns:localhost,ip:127.0.0.1");
    }

    /** For {@code wrong.example} only: a server using it at localhost has the wrong certificate. */
    static TestCertificates wrongHost() {
        return forSubjectAltName("wrong", "dns:wrong.example");
    }

    private static TestCertificates forSubjectAltName(String name, String san) {
        KeyStore store = STORES.computeIfAbsent(name, n -> generate(n, san));
        return new TestCertificates(name, store);
    }

    SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A client context that trusts this certificate, and nothing else. */
    SSLContext clientContext() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", store.getCertificate("server"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Writes {@code NAME-key.pem} (PKCS#8) and {@code NAME-cert.pem}; returns {key, cert}. */
    Path[] pemFiles() throws GeneralSecurityException, IOException {
        Path key = DIRECTORY.resolve(name + "-key.pem").toAbsolutePath();
        Path cert = DIRECTORY.resolve(name + "-cert.pem").toAbsolutePath();
        Certificate certificate = store.getCertificate("server");
        Files.writeString(key, pem("PRIVATE KEY", store.getKey("server", PASSWORD).getEncoded()));
        Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
        return new Path[] {key, cert};
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static KeyStore generate(String name, String san) {
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name + ".p12");
            Files.deleteIfExists(file);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=" + name, "-ext", "SAN=" + san, "-validity", "2",
                    "-keystore", file.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
