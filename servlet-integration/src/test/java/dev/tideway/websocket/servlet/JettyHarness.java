package dev.tideway.websocket.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Embedded Jetty 12.1, ee11 environment (Servlet 6.1; no Jetty WebSocket module on the class path). */
final class JettyHarness implements ContainerHarness {
    private Server server;
    private ServerConnector plain;
    private ServerConnector tls;

    @Override
    public void start(Filter filter, HttpServlet servlet, TlsMaterial material) throws Exception {
        server = new Server();
        plain = new ServerConnector(server);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(material.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(TlsMaterial.PASSWORD);
        ssl.setKeyStoreType("PKCS12");
        tls = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory());
        for (ServerConnector connector : new ServerConnector[] {plain, tls}) {
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
        }
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
    }

    @Override
    public int port(Scheme scheme) {
        return (scheme == Scheme.TLS ? tls : plain).getLocalPort();
    }

    @Override
    public String name() {
        return "Jetty";
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
