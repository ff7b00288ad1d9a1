package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.extension.Extension;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One {@link WebSocketConnector#connect} from start to the open connection or the failure: a sequence of
 * {@link ConnectAttempt}s (a redirect or an authentication challenge starts a new one), all within one
 * connect timeout. On success it builds the {@link WebSocketConnection} and completes the future.
 *
 * <p>It runs on its loop thread only, so the timeout, the attempts' events and the outcome never race.
 */
final class ConnectProcess implements ConnectAttempt.Listener {
    private final SelectorLoops.Lease lease;
    private final SelectorLoop loop;
    private final BufferPool pool;
    private final ClientHandshakeRequest request;
    private final SessionStarter starter;
    private final CompletableFuture<ClientConnection> future;
    /** The URIs tried, for the message when there are too many redirects. */
    private final List<URI> redirectChain = new ArrayList<>();

    private ConnectAttempt attempt;
    private Scheduler.Cancellable timeout;
    private boolean done;

    ConnectProcess(SelectorLoops.Lease lease, BufferPool pool, ClientHandshakeRequest request,
                   SessionStarter starter,
                   CompletableFuture<ClientConnection> future) {
        this.lease = lease;
        this.loop = lease.loop();
        this.pool = pool;
        this.request = request;
        this.starter = starter;
        this.future = future;
    }

    CompletableFuture<ClientConnection> future() {
        return future;
    }

    URI uri() {
        return request.uri();
    }

    /** Starts with the first request (formulated by the caller of connect); loop thread. */
    void start(ClientHandshake first) {
        if (future.isDone()) { // cancelled, or the client closed, before the loop came to it
            abandon();
            return;
        }
        timeout = loop.schedule(this::timedOut, request.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        redirectChain.add(first.target().uri());
        begin(first);
    }

    /** Gives up quietly: the future was completed elsewhere (cancelled, or the client closed). */
    void abandon() {
        fail(new CancellationException("The connect to " + request.uri() + " was abandoned"));
    }

    private void begin(ClientHandshake handshake) {
        attempt = new ConnectAttempt(loop, pool, request, handshake, this);
        attempt.start();
    }

    @Override
    public void onAnswer(ConnectAttempt from, HttpResponseHead response, ByteBuffer rest) {
        if (from != attempt || done) {
            return;
        }
        if (future.isDone()) {
            abandon();
            return;
        }
        try {
            ClientHandshake.Outcome outcome = from.handshake().evaluate(response);
            if (outcome instanceof ClientHandshake.Upgraded upgraded) {
                open(upgraded.result(), rest);
            } else if (outcome instanceof ClientHandshake.Redirect redirect) {
                redirect(response, redirect.target());
            } else {
                from.abort();
                begin(ClientHandshake.create(request, from.handshake().target(), true));
            }
        } catch (ClientHandshakeException | RuntimeException e) { // RuntimeException: a hook that threw
            fail(e);
        }
    }

    @Override
    public void onFailure(ConnectAttempt from, ClientHandshakeException failure) {
        if (from == attempt) {
            fail(failure);
        }
    }

    private void redirect(HttpResponseHead response, WebSocketUri target) throws ClientHandshakeException {
        attempt.abort();
        redirectChain.add(target.uri());
        if (redirectChain.size() - 1 > request.maxRedirects()) {
            String chain = redirectChain.stream().map(URI::toString).collect(Collectors.joining(" -> "));
            throw new ClientHandshakeException("Server answered " + response.statusText() + ", but the limit of "
                    + request.maxRedirects() + " redirects is reached: " + chain, response);
        }
        begin(ClientHandshake.create(request, target, false));
    }

    /**
     * The handshake succeeded: the session above gets its listener, the engine takes over the transport,
     * and the bytes that came with the answer are its first.
     */
    private void open(HandshakeResult result, ByteBuffer rest) {
        ClientTransport transport = attempt.transport();
        WebSocketConnection connection;
        try {
            connection = Objects.requireNonNull(starter.start(result,
                    listener -> WebSocketConnection.builder(Role.CLIENT, transport, listener)
                            .extensions(result.extensions())
                            .settings(request.settings())
                            .scheduler(loop)
                            .bufferPool(pool)
                            .build()), "the session starter returned no connection");
        } catch (RuntimeException e) {
            result.extensions().forEach(Extension::release);
            fail(e);
            return;
        }
        ReadHandler reader = ReadHandler.of(connection);
        transport.readHandler(reader);
        done = true;
        timeout.cancel();
        attempt.socket().onClose(lease::release); // from now on the open connection keeps the loops alive
        if (!future.complete(new ClientConnection(connection, result))) {
            connection.onTransportFailure(new CancellationException("The connect was cancelled"));
            return;
        }
        if (rest.hasRemaining()) {
            reader.onRead(rest);
        }
    }

    private void timedOut() {
        fail(new ClientHandshakeException("Connect to " + request.uri() + " timed out after "
                + request.connectTimeout().toMillis() + " ms"));
    }

    private void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        if (timeout != null) {
            timeout.cancel();
        }
        if (attempt != null) {
            attempt.abort();
        }
        lease.release();
        future.completeExceptionally(failure);
    }
}
