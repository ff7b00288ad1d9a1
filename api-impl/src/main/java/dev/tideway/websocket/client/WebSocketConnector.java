package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.ConnectionListener;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The client side of Tideway below the Jakarta API: opens WebSocket connections over ws:// and wss://,
 * through a proxy when configured, following redirects and answering Basic authentication challenges.
 *
 * <p>Threads: all connections of a connector share {@code min(2, cores)} daemon I/O threads, started on
 * the first connect and stopped when no connection has been open or connecting for the idle timeout, so
 * an idle connector holds no thread. Everything a connection does runs on its I/O thread: the listener
 * factory, the {@link ConnectionListener} callbacks, the completion of the returned future (and so any
 * dependent stage that is not {@code *Async}). None of them may block; the layer above dispatches user
 * code to its own executor.
 *
 * <p>Thread-safe. {@link #close()} stops the threads at once, closing every connection.
 */
public final class WebSocketConnector implements AutoCloseable {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(2);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final SelectorLoops loops;
    private final BufferPool pool = BufferPool.newDefault();
    private final Set<ConnectProcess> connecting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A connector whose threads stop after {@link #DEFAULT_IDLE_TIMEOUT} without connections. */
    public WebSocketConnector() {
        this(DEFAULT_IDLE_TIMEOUT);
    }

    /** A connector whose threads stop after {@code idleTimeout} without connections. */
    public WebSocketConnector(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        String prefix = "tideway-client-" + INSTANCES.incrementAndGet() + "-io-";
        this.loops = new SelectorLoops(prefix, SelectorLoops.defaultSize(), idleTimeout);
    }

    /**
     * Connects as {@code request} says. Once the server accepted the handshake, {@code listenerFactory} is
     * called, on the I/O thread, with what was negotiated; the listener it returns receives the
     * connection's events from then on, the first perhaps before the future completes.
     *
     * <p>The {@code beforeRequest} hook of the request runs on the calling thread for the first request.
     *
     * @return a future of the open connection; it fails with a {@link ClientHandshakeException} saying why
     *         the connection could not be made, or with what the hook or the factory threw. Cancelling it
     *         abandons the connect.
     */
    public CompletableFuture<ClientConnection> connect(ClientHandshakeRequest request,
                                                       Function<HandshakeResult, ConnectionListener> listenerFactory) {
        Objects.requireNonNull(listenerFactory, "listenerFactory");
        return connect(request, SessionStarter.listening(listenerFactory));
    }

    /**
     * Connects as {@code request} says, and once the server accepted the handshake lets {@code starter}
     * build the engine (on the I/O thread). Otherwise as {@link #connect(ClientHandshakeRequest, Function)}.
     */
    public CompletableFuture<ClientConnection> connect(ClientHandshakeRequest request, SessionStarter starter) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(starter, "starter");
        CompletableFuture<ClientConnection> future = new CompletableFuture<>();
        ClientHandshake first;
        SelectorLoops.Lease lease;
        try {
            first = ClientHandshake.create(request, request.target(), false);
            lease = loops.lease();
        } catch (ClientHandshakeException | RuntimeException e) { // also a closed client, a hook that threw
            future.completeExceptionally(e);
            return future;
        }
        ConnectProcess process = new ConnectProcess(lease, pool, request, starter, future);
        connecting.add(process);
        future.whenComplete((connection, failure) -> {
            connecting.remove(process);
            if (future.isCancelled()) {
                lease.loop().execute(process::abandon);
            }
        });
        lease.loop().execute(() -> process.start(first));
        if (closed) { // closed while this connect was being set up: close() may have missed it
            failClosed(process);
        }
        return future;
    }

    /**
     * Stops the I/O threads now. Open connections end without a closing handshake (their listeners see
     * an error and a 1006 close); connects in progress fail. Later connects fail at once.
     */
    @Override
    public void close() {
        closed = true;
        loops.close();
        connecting.forEach(WebSocketConnector::failClosed);
    }

    /** The name prefix of this connector's I/O threads. */
    String threadNamePrefix() {
        return loops.threadNamePrefix();
    }

    private static void failClosed(ConnectProcess process) {
        process.future().completeExceptionally(new ClientHandshakeException(
                "The WebSocket client was closed while connecting to " + process.uri()));
    }
}
