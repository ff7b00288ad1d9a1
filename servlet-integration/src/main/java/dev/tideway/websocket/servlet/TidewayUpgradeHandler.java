package dev.tideway.websocket.servlet;

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
    public void configure(UpgradeResources resources, ConnectionFactory factory) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(factory, "factory");
        synchronized (this) {
            if (this.factory != null) {
                throw new IllegalStateException("Already configured");
            }
            this.resources = resources;
            this.factory = factory;
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
}
