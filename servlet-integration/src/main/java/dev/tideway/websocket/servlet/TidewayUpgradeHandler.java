package dev.tideway.websocket.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The {@link HttpUpgradeHandler} of a WebSocket connection. The container creates it in
 * {@code request.upgrade(TidewayUpgradeHandler.class)} with the public no-argument constructor; the caller
 * then {@linkplain #configure configures} it with the connection's setup, and the container calls
 * {@link #init} once the 101 response is out.
 *
 * <p>The connection starts when both have happened, in whichever order: the Servlet specification says
 * {@code init} comes after the request's service method returns, but some containers (earlier Jetty 12.1
 * releases) call it from inside {@code upgrade()}, before the caller could configure anything.
 */
public final class TidewayUpgradeHandler implements HttpUpgradeHandler {
    // guarded by this
    private UpgradeResources resources;
    private ConnectionFactory factory;
    /** The upgraded request, until the connection starts (see {@link #endAsyncTimeout}). */
    private HttpServletRequest request;
    private WebConnection webConnection;
    private UpgradeTransport transport;
    private boolean destroyed;

    /** For the container; configure the instance that {@code upgrade()} returns. */
    public TidewayUpgradeHandler() {
    }

    /**
     * Gives the handler what it needs to start the connection. Call once, right after
     * {@code request.upgrade()} returned this handler.
     */
    public void configure(UpgradeResources resources, ConnectionFactory factory, HttpServletRequest request) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(factory, "factory");
        synchronized (this) {
            if (this.factory != null) {
                throw new IllegalStateException("Already configured");
            }
            this.resources = resources;
            this.factory = factory;
            this.request = request;
            if (webConnection == null || destroyed) {
                return;
            }
        }
        start();
    }

    @Override
    public void init(WebConnection connection) {
        synchronized (this) {
            this.webConnection = connection;
            if (factory == null) {
                return;
            }
        }
        start();
    }

    @Override
    public void destroy() {
        UpgradeTransport started;
        synchronized (this) {
            destroyed = true;
            started = transport;
        }
        if (started != null) {
            started.destroyed();
        }
    }

    /** Builds the transport and the engine, then starts the I/O. Runs once, on the second of the two calls. */
    private void start() {
        endAsyncTimeout();
        UpgradeTransport created;
        try {
            created = new UpgradeTransport(webConnection, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("The upgraded connection has no streams", e);
        }
        try {
            created.start(factory.newConnection(created));
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        boolean destroyedMeanwhile;
        synchronized (this) {
            transport = created;
            destroyedMeanwhile = destroyed;
        }
        if (destroyedMeanwhile) {
            created.destroyed();
        }
    }

    /**
     * Jetty 12.1 puts an upgraded request into async mode itself, just before {@code init}, with its default
     * async timeout (30 s): when it expires Jetty ends the connection, however busy, without a close frame.
     * A WebSocket lives as long as its session, so the timeout is turned off here, where that async context
     * exists. Containers that start no async context (Tomcat), or whose request is recycled by now, have
     * nothing to turn off. The request is let go either way.
     */
    private void endAsyncTimeout() {
        HttpServletRequest upgraded;
        synchronized (this) {
            upgraded = request;
            request = null;
        }
        try {
            if (upgraded != null && upgraded.isAsyncStarted()) {
                upgraded.getAsyncContext().setTimeout(0);
            }
        } catch (RuntimeException recycledOrNoContext) {
            // nothing to turn off
        }
    }
}
