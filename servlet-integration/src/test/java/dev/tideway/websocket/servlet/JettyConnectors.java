package dev.tideway.websocket.servlet;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** A test Jetty's two connectors, plain and TLS, both on 127.0.0.1 and an ephemeral port. */
record JettyConnectors(ServerConnector plain, ServerConnector tls) {

    static JettyConnectors addTo(Server server, TlsMaterial material) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(material.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(TlsMaterial.PASSWORD);
        ssl.setKeyStoreType("PKCS12");
        JettyConnectors connectors = new JettyConnectors(new ServerConnector(server),
                new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory()));
        for (ServerConnector connector : new ServerConnector[] {connectors.plain, connectors.tls}) {
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
        }
        return connectors;
    }
}
