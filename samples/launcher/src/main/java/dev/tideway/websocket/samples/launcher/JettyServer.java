package dev.tideway.websocket.samples.launcher;

import dev.tideway.websocket.servlet.TidewayServletContainerInitializer;
import java.time.Duration;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12.1 (ee11 environment) serving a {@link SampleApp} at the root context. Tideway's
 * initializer is added with the app's classes, as Jetty's annotation scan would hand them; no Jetty
 * WebSocket module is on the class path.
 */
final class JettyServer implements RunningServer {
    private final Server server;
    private final ServerConnector connector;

    private JettyServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static JettyServer start(SampleApp app, String host, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        // Jetty closes a connection idle for this long (30 s by default), upgraded ones included, without a
        // close frame; Tomcat leaves upgraded connections alone. An hour keeps a chat user who only reads.
        connector.setIdleTimeout(Duration.ofHours(1).toMillis());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(new TidewayServletContainerInitializer(),
                app.classes().toArray(new Class<?>[0]));
        app.staticFolder().ifPresent(folder ->
                context.addServlet(new ServletHolder("files", new ClassPathFileServlet(folder)), "/"));
        server.setHandler(context);
        JettyServer running = new JettyServer(server, connector);
        try {
            server.start();
        } catch (Exception | Error e) {
            boolean applicationFailed = context.isFailed();
            running.close();
            if (applicationFailed) {
                throw new IllegalStateException("The application failed to start on Jetty: " + e.getMessage(), e);
            }
            throw e;
        }
        return running;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public ContainerKind container() {
        return ContainerKind.JETTY;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }
}
