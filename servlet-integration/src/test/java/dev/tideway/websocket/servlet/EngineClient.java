package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiation;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.handshake.HandshakeHeaders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tideway's own engine as the test client, over a blocking plain socket: it can offer extensions (the
 * JDK client cannot) and it reads only when told to, which makes it the slow peer.
 */
final class EngineClient implements AutoCloseable {
    final RawHttp.Response handshake;
    final WebSocketConnection connection;
    /** WebSocket bytes read from the socket after the handshake. */
    final AtomicLong bytesRead = new AtomicLong();
    private final RawHttp http;
    private volatile boolean closed;

    private EngineClient(RawHttp http, RawHttp.Response handshake, List<Extension> extensions,
                         ConnectionListener listener, Scheduler scheduler) {
        this.http = http;
        this.handshake = handshake;
        this.connection = WebSocketConnection.builder(Role.CLIENT, new SocketTransport(), listener)
                .extensions(extensions)
                .scheduler(scheduler)
                .bufferPool(BufferPool.newDefault())
                .build();
    }

    /**
     * Opens the WebSocket; fails unless the server answered 101. Nothing is read until
     * {@link #startReading()}. The request carries {@code Content-Length: 0}, as the JDK's client's does:
     * Jetty 12.1.14 (ee10 and ee11) ends the upgraded input at once when it does not (see
     * {@code HandshakeJettyTest}).
     *
     * @param receiveBuffer SO_RCVBUF to ask for, or 0 for the default
     */
    static EngineClient connect(int port, String path, List<ExtensionFactory> factories, ConnectionListener listener,
                                Scheduler scheduler, int receiveBuffer) throws Exception {
        return connect(port, path, factories, listener, scheduler, receiveBuffer, "Content-Length: 0");
    }

    /** As a browser does: without {@code Content-Length}, and with any other header lines given. */
    static EngineClient connectLikeABrowser(int port, String path, ConnectionListener listener, Scheduler scheduler)
            throws Exception {
        return connect(port, path, List.of(), listener, scheduler, 0, "Origin: http://127.0.0.1");
    }

    private static EngineClient connect(int port, String path, List<ExtensionFactory> factories,
                                        ConnectionListener listener, Scheduler scheduler, int receiveBuffer,
                                        String... extraHeaderLines) throws Exception {
        RawHttp http = RawHttp.open(port, receiveBuffer);
        List<String> offers = new ArrayList<>();
        for (ExtensionFactory factory : factories) {
            offers.add(HandshakeHeaders.formatExtensions(factory.clientOffers()));
        }
        List<String> lines = new ArrayList<>(List.of(RawHttp.upgradeHeaders(extraHeaderLines)));
        if (!offers.isEmpty()) {
            lines.add("Sec-WebSocket-Extensions: " + String.join(", ", offers));
        }
        http.send("GET", path, lines.toArray(new String[0]));
        RawHttp.Response response = http.readResponse();
        if (response.status() != 101) {
            http.close();
            throw new IOException("Upgrade refused: " + response);
        }
        String accepted = response.header("Sec-WebSocket-Extensions");
        List<ExtensionOffer> elements = HandshakeHeaders.parseExtensions(accepted == null ? null : List.of(accepted));
        List<Extension> extensions = ExtensionNegotiation.acceptResponse(elements, factories);
        return new EngineClient(http, response, extensions, listener, scheduler);
    }

    /** Starts the thread that reads the socket and feeds the engine. */
    void startReading() {
        Thread reader = new Thread(this::readLoop, "engine-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        byte[] bytes = new byte[16 * 1024];
        try {
            http.socket.setSoTimeout(0);
            int count;
            while ((count = http.in.read(bytes)) >= 0) {
                bytesRead.addAndGet(count);
                connection.onRead(ByteBuffer.wrap(bytes, 0, count));
            }
            connection.onReadEof();
        } catch (IOException e) {
            if (!closed) {
                connection.onTransportFailure(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        http.close();
    }

    /** Blocking writes on the caller's thread; this peer's listeners never pause reading. */
    private final class SocketTransport implements Transport {
        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            try {
                synchronized (this) {
                    for (ByteBuffer buffer : buffers) {
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        http.out.write(bytes);
                    }
                    http.out.flush();
                }
            } catch (IOException e) {
                callback.failed(e);
                return;
            }
            callback.completed();
        }

        @Override
        public void pauseReading() {
            throw new UnsupportedOperationException("the test client's listeners never pause");
        }

        @Override
        public void resumeReading() {
            throw new UnsupportedOperationException("the test client's listeners never pause");
        }

        @Override
        public void close() {
            try {
                EngineClient.this.close();
            } catch (IOException ignored) {
                // closing a test socket: nothing to report
            }
        }
    }
}
