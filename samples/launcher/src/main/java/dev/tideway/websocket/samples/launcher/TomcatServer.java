package dev.tideway.websocket.samples.launcher;

import dev.tideway.websocket.servlet.TidewayServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 serving a {@link SampleApp} at the root context. Tideway's initializer is added with
 * the app's classes, as Tomcat's own scan would hand them; Tomcat's WebSocket implementation is not on the
 * class path ({@code tomcat-embed-core} only).
 */
final class TomcatServer implements RunningServer {
    // Tomcat logs every start step at INFO through java.util.logging; a sample prints one line instead.
    // The field keeps the configured logger from being collected (java.util.logging holds it weakly).
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    static {
        TOMCAT_LOG.setLevel(Level.WARNING);
    }

    private final Tomcat tomcat;
    private final Connector connector;
    private final Path baseDir;

    private TomcatServer(Tomcat tomcat, Connector connector, Path baseDir) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.baseDir = baseDir;
    }

    static TomcatServer start(SampleApp app, String host, int port) throws Exception {
        Path baseDir = Files.createTempDirectory("tideway-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setProperty("address", host);
        connector.setPort(port);
        connector.setThrowOnFailure(true); // a port in use fails the start, instead of a log line
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new TidewayServletContainerInitializer(), app.classes());
        // Tomcat runs a request through the filters, Tideway's upgrade filter among them, only when a servlet
        // is mapped to it: without static files, one that answers 404
        HttpServlet root = app.staticFolder().<HttpServlet>map(ClassPathFileServlet::new).orElseGet(NotFound::new);
        Wrapper files = Tomcat.addServlet(context, "files", root);
        files.addMapping("/");
        TomcatServer server = new TomcatServer(tomcat, connector, baseDir);
        try {
            tomcat.start();
            // Tomcat leaves a context whose start failed (a deployment error) FAILED and runs on.
            if (!context.getState().isAvailable()) {
                throw new IllegalStateException("The application failed to start on Tomcat (see the log above)");
            }
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public ContainerKind container() {
        return ContainerKind.TOMCAT;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        } finally {
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete Tomcat's work folder " + root, e);
        }
    }

    /** Answers every request that is no WebSocket upgrade with 404. */
    private static final class NotFound extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
