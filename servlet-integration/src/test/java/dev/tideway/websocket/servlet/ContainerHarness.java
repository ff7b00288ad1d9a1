package dev.tideway.websocket.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;

/**
 * One embedded Servlet container for a test class: a context at the root with {@code filter} on every
 * path and {@code servlet} as the default servlet, listening on 127.0.0.1 on an ephemeral plain port and
 * an ephemeral TLS port.
 */
interface ContainerHarness {

    void start(Filter filter, HttpServlet servlet, TlsMaterial tls) throws Exception;

    int port(Scheme scheme);

    String name();

    void stop() throws Exception;

    default URI uri(Scheme scheme, String path) {
        return URI.create(scheme.webSocketScheme + "://127.0.0.1:" + port(scheme) + path);
    }
}
