package dev.tideway.websocket.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.HouseKeeper;

/**
 * Embedded Jetty 12.1, ee11 environment (Servlet 6.1; no Jetty WebSocket module on the class path),
 * running a {@link WebApp}: the initializer is added to the context with the app's classes, as Jetty's
 * annotation scan would. The context is deployed into the running server, so that a context that fails
 * to start leaves the server listening, as in Tomcat.
 */
final class JettyAppHarness implements AppHarness {
    private static final System.Logger LOG = System.getLogger(JettyAppHarness.class.getName());

    private Server server;
    private ServletContextHandler context;
    private ServerConnector plain;
    private ServerConnector tls;

    @Override
    public void start(WebApp app, TlsMaterial material) throws Exception {
        server = new Server();
        JettyConnectors connectors = JettyConnectors.addTo(server, material);
        plain = connectors.plain();
        tls = connectors.tls();

        // with HTTP sessions, which expire within about a second of their timeout (the scavenger looks
        // every 10 minutes by default): the HTTP session tests wait for that
        DefaultSessionIdManager sessionIds = new DefaultSessionIdManager(server);
        HouseKeeper scavenger = new HouseKeeper();
        scavenger.setSessionIdManager(sessionIds);
        scavenger.setIntervalSec(1);
        sessionIds.setSessionHouseKeeper(scavenger);
        server.addBean(sessionIds, true);
        context = new ServletContextHandler(app.contextPath().isEmpty() ? "/" : app.contextPath(),
                ServletContextHandler.SESSIONS);
        context.addServletContainerInitializer(new TidewayServletContainerInitializer(),
                app.classes().toArray(new Class<?>[0]));
        app.initParameters().forEach(context::setInitParameter);
        for (Class<?> listener : app.listeners()) {
            context.addEventListener((java.util.EventListener) listener.getConstructor().newInstance());
        }
        for (Map.Entry<String, Filter> filter : app.filters().entrySet()) {
            FilterHolder holder = new FilterHolder(filter.getValue());
            holder.setName(filter.getKey());
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        ServletHolder servlet = new ServletHolder(new PlainServlet());
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/");
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        server.start();
        contexts.addHandler(context); // deployed into the running server, as a hot deployment is
        // A handler added to a started container is unmanaged, and the server's session id manager and
        // scavenger look for session handlers only in managed beans: without this, sessions never expire
        // and HttpSessionIdListeners never hear of a changed id. Managed, it also stops with the server.
        contexts.manage(context);
        try {
            context.start();
        } catch (Exception failedToStart) {
            // as Tomcat does: the server runs on, the application is unavailable
            LOG.log(System.Logger.Level.INFO, "The application failed to start", failedToStart);
        }
    }

    @Override
    public boolean applicationAvailable() {
        return context != null && context.isStarted() && context.isAvailable();
    }

    @Override
    public void stopApplication() throws Exception {
        context.stop();
    }

    @Override
    public int port(Scheme scheme) {
        return (scheme == Scheme.TLS ? tls : plain).getLocalPort();
    }

    @Override
    public String contextPath() {
        String path = context.getContextPath();
        return "/".equals(path) ? "" : path;
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
