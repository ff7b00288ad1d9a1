package dev.tideway.websocket.samples.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for localhost and 127.0.0.1, made with the JDK's keytool, as PEM files for a
 * peer server: the kind of test server {@code --insecure} is for.
 *
 * @param key  the private key, PKCS#8 PEM
 * @param cert the certificate, PEM
 */
record SelfSignedCertificate(Path key, Path cert) {
    private static final String PASSWORD = "changeit";

    /** Makes a fresh key and certificate under {@code directory}. */
    static SelfSignedCertificate create(Path directory) throws IOException, GeneralSecurityException,
            InterruptedException {
        Files.createDirectories(directory);
        Path store = directory.resolve("localhost.p12");
        Files.deleteIfExists(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + said);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Path key = directory.resolve("localhost-key.pem");
        Path cert = directory.resolve("localhost-cert.pem");
        Files.writeString(key, pem("PRIVATE KEY", keys.getKey("server", PASSWORD.toCharArray()).getEncoded()));
        Files.writeString(cert, pem("CERTIFICATE", keys.getCertificate("server").getEncoded()));
        return new SelfSignedCertificate(key.toAbsolutePath(), cert.toAbsolutePath());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
