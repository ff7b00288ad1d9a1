package dev.tideway.websocket.tck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12.1, ee11 environment (Servlet 6.1), with the webapp and annotations modules and no
 * Jetty WebSocket module. The annotations module discovers the {@code ServletContainerInitializer}s and
 * runs their {@code @HandlesTypes} scan over {@code WEB-INF/classes} and {@code WEB-INF/lib}; Jetty scans
 * no jar of the JVM's class path unless a container include pattern says so, and none is set here.
 */
final class JettyServer implements EmbeddedServer {
    private final Server server = new Server();
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();
    private final Map<String, WebAppContext> deployed = new HashMap<>();
    private ServerConnector connector;

    @Override
    public void start(String host, Path workDirectory) throws Exception {
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(contexts);
        server.setTempDirectory(Files.createDirectories(workDirectory.resolve("tmp")).toFile());
        server.start();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean deploy(String contextPath, Path directory, ClassLoader parent) throws Exception {
        WebAppContext context = new WebAppContext();
        context.setContextPath(contextPath);
        context.setWar(directory.toAbsolutePath().toString());
        context.setClassLoader(new WebAppClassLoader(parent, context));
        // A failed start leaves the context unavailable (503 to every request) instead of throwing here.
        context.setThrowUnavailableOnStartupException(false);
        deployed.put(contextPath, context);
        contexts.addHandler(context);
        if (!context.isStarted()) {
            context.start();
        }
        return context.isAvailable() && context.getUnavailableException() == null;
    }

    @Override
    public void undeploy(String contextPath) throws Exception {
        WebAppContext context = deployed.remove(contextPath);
        if (context != null) {
            contexts.removeHandler(context);
            context.stop();
        }
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
