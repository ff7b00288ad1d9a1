package dev.tideway.websocket.samples.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust behind {@code --insecure}: every server certificate is accepted, whoever signed it and whatever
 * name it carries. UNSAFE: the connection is still encrypted, but to whoever answers, so anyone on the
 * network path can read and change the traffic. Only for test servers with self-signed certificates.
 */
final class TrustEveryCertificate extends X509ExtendedTrustManager {

    /** A TLS context that trusts every server certificate. */
    static SSLContext context() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustEveryCertificate()}, null);
        return context;
    }

    // An X509ExtendedTrustManager, not a plain X509TrustManager: the JDK wraps a plain one in a checker
    // that still verifies the host name against the certificate.

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trusted: that is the point of --insecure
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trusted
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // trusted
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
