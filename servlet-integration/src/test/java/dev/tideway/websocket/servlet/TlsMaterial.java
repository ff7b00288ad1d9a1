package dev.tideway.websocket.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1, made once per test JVM with the JDK's keytool into
 * {@code target/tls/}, and a client context that trusts exactly it.
 */
final class TlsMaterial {
    static final String PASSWORD = "tideway-test";
    private static final String ALIAS = "tideway";
    private static TlsMaterial instance;

    private final Path keystore;
    private final SSLContext clientContext;

    private TlsMaterial(Path keystore, SSLContext clientContext) {
        this.keystore = keystore;
        this.clientContext = clientContext;
    }

    static synchronized TlsMaterial get() throws IOException, GeneralSecurityException, InterruptedException {
        if (instance == null) {
            Path keystore = generate();
            instance = new TlsMaterial(keystore, trusting(keystore));
        }
        return instance;
    }

    /** A PKCS12 keystore with the server's key and certificate, password {@link #PASSWORD}. */
    Path keystore() {
        return keystore;
    }

    SSLContext clientContext() {
        return clientContext;
    }

    /** The server's certificate as a PEM file, for peers outside the JVM to trust. */
    Path certificatePem() throws IOException, GeneralSecurityException {
        Path pem = keystore.resolveSibling("certificate-" + ProcessHandle.current().pid() + ".pem").toAbsolutePath();
        if (!Files.exists(pem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(store.getCertificate(ALIAS).getEncoded());
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        }
        return pem;
    }

    private static Path generate() throws IOException, InterruptedException {
        Path directory = Path.of("target", "tls");
        Files.createDirectories(directory);
        Path keystore = directory.resolve("keystore-" + ProcessHandle.current().pid() + ".p12");
        Files.deleteIfExists(keystore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return keystore;
    }

    private static SSLContext trusting(Path keystorePath) throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystorePath)) {
            keystore.load(in, PASSWORD.toCharArray());
        }
        KeyStore truststore = KeyStore.getInstance("PKCS12");
        truststore.load(null, null);
        truststore.setCertificateEntry("server", keystore.getCertificate(ALIAS));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(truststore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
