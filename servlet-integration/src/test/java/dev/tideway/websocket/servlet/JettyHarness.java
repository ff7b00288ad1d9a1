package dev.tideway.websocket.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1, ee11 environment (Servlet 6.1; no Jetty WebSocket module on the class path). */
final class JettyHarness implements ContainerHarness {
    private Server server;
    private ServerConnector plain;
    private ServerConnector tls;

    @Override
    public void start(Filter filter, HttpServlet servlet, TlsMaterial material) throws Exception {
        server = new Server();
        JettyConnectors connectors = JettyConnectors.addTo(server, material);
        plain = connectors.plain();
        tls = connectors.tls();
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
