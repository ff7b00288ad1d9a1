package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WriteCallback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLEngine;

/**
 * One TCP connection's way to the server's answer to one upgrade request, in steps: connect (to the
 * server, or to the proxy), open the proxy tunnel, run the TLS handshake, send the request, read the
 * answer's head. Each step's bytes come to this object, and the step says what they mean.
 *
 * <p>It runs on its loop thread only. It judges nothing of the answer: that, and what follows (a
 * redirect, a retry with credentials, the open connection), is the {@link Listener}'s.
 */
final class ConnectAttempt implements ReadHandler {

    /** Where the attempt stands; the order is the order of the steps. */
    enum Step { CONNECTING, TUNNELING, SECURING, UPGRADING, ANSWERED, ABORTED }

    /** Told how the attempt ended; on the loop thread, once. */
    interface Listener {
        /**
         * The server answered the upgrade request. {@code rest} holds the bytes after the head, which
         * already belong to the WebSocket connection; the attempt's transport now serves the listener.
         */
        void onAnswer(ConnectAttempt attempt, HttpResponseHead response, ByteBuffer rest);

        /** The attempt failed before an answer; its transport is closed. */
        void onFailure(ConnectAttempt attempt, ClientHandshakeException failure);
    }

    private final SelectorLoop loop;
    private final BufferPool pool;
    private final ClientHandshakeRequest request;
    private final ClientHandshake handshake;
    private final Listener listener;
    private final WriteCallback failOnWriteError = new WriteCallback() {
        @Override
        public void completed() {
        }

        @Override
        public void failed(Throwable cause) {
            onTransportFailure(cause);
        }
    };

    private Step step = Step.CONNECTING;
    private InetSocketAddress proxy;
    private NioTransport socket;
    private TlsTransport tls;
    private HttpResponseParser parser;

    ConnectAttempt(SelectorLoop loop, BufferPool pool, ClientHandshakeRequest request, ClientHandshake handshake,
                   Listener listener) {
        this.loop = loop;
        this.pool = pool;
        this.request = request;
        this.handshake = handshake;
        this.listener = listener;
    }

    ClientHandshake handshake() {
        return handshake;
    }

    /** The transport the WebSocket connection runs on: TLS for wss, else the socket. */
    ClientTransport transport() {
        return tls != null ? tls : socket;
    }

    /** The TCP connection underneath. */
    NioTransport socket() {
        return socket;
    }

    /** Starts connecting; loop thread. The host names are resolved here, on the loop. */
    void start() {
        WebSocketUri target = handshake.target();
        try {
            proxy = request.proxy().proxyFor(target);
            InetSocketAddress remote = proxy != null ? resolve(proxy.getHostString(), proxy.getPort())
                    : resolve(target.host(), target.port());
            socket = new NioTransport(loop, pool);
            socket.connect(remote, this, this::connected);
        } catch (ClientHandshakeException e) {
            fail(e);
        } catch (IOException e) {
            fail(new ClientHandshakeException("Cannot open a socket: " + e.getMessage(), e));
        }
    }

    /** Closes the connection; later events are ignored. */
    void abort() {
        step = Step.ABORTED;
        if (socket != null) {
            transport().close();
        }
    }

    private void connected() {
        if (proxy != null) {
            step = Step.TUNNELING;
            parser = new HttpResponseParser();
            socket.write(new ByteBuffer[] {ProxyTunnel.connectRequest(handshake.target())}, failOnWriteError);
        } else {
            secureOrUpgrade();
        }
    }

    private void secureOrUpgrade() {
        WebSocketUri target = handshake.target();
        if (!target.secure()) {
            upgrade();
            return;
        }
        step = Step.SECURING;
        SSLEngine engine;
        try {
            engine = TlsTransport.clientEngine(request.sslContext(), target, request.hostnameVerification());
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            fail(new ClientHandshakeException("Cannot set up TLS for " + target.authority() + ": " + e.getMessage(), e));
            return;
        }
        tls = new TlsTransport(socket, engine, pool);
        tls.readHandler(this);
        socket.readHandler(tls);
        tls.handshake(this::upgrade);
    }

    private void upgrade() {
        step = Step.UPGRADING;
        parser = new HttpResponseParser();
        transport().write(new ByteBuffer[] {handshake.requestBytes()}, failOnWriteError);
    }

    // ---------------------------------------------------------------- reading

    @Override
    public void onRead(ByteBuffer data) {
        try {
            switch (step) {
                case TUNNELING -> readProxyAnswer(data);
                case UPGRADING -> readServerAnswer(data);
                default -> data.position(data.limit()); // nothing is expected now: ignore it
            }
        } catch (ClientHandshakeException e) {
            data.position(data.limit());
            fail(e);
        }
    }

    private void readProxyAnswer(ByteBuffer data) throws ClientHandshakeException {
        HttpResponseHead answer = parser.parse(data);
        if (answer == null) {
            return;
        }
        ProxyTunnel.checkAnswer(answer, proxy, handshake.target());
        secureOrUpgrade();
        if (data.hasRemaining()) { // bytes of the tunnel: the next step's (TLS records, or the server's answer)
            if (tls != null) {
                tls.onRead(data);
            } else {
                onRead(data);
            }
        }
    }

    private void readServerAnswer(ByteBuffer data) throws ClientHandshakeException {
        HttpResponseHead answer = parser.parse(data);
        if (answer != null) {
            step = Step.ANSWERED;
            listener.onAnswer(this, answer, data);
        }
    }

    @Override
    public void onReadEof() {
        String server = "Server " + handshake.target().authority();
        String message = switch (step) {
            case TUNNELING -> "Proxy " + ProxyTunnel.describe(proxy) + " closed the connection before answering CONNECT";
            case SECURING -> server + " closed the connection during the TLS handshake";
            case UPGRADING -> parser.bytesRead() == 0
                    ? server + " closed the connection without answering the WebSocket handshake"
                    : server + " closed the connection in the middle of its handshake response";
            default -> server + " closed the connection";
        };
        fail(new ClientHandshakeException(message));
    }

    @Override
    public void onTransportFailure(Throwable cause) {
        WebSocketUri target = handshake.target();
        String message = switch (step) {
            case CONNECTING -> proxy != null
                    ? "Cannot connect to proxy " + ProxyTunnel.describe(proxy) + ": " + cause.getMessage()
                    : "Cannot connect to " + target.authority() + ": " + cause.getMessage();
            case SECURING -> tlsFailure(target, cause);
            default -> "Connection to " + target.authority() + " failed during the handshake: " + cause.getMessage();
        };
        fail(new ClientHandshakeException(message, cause));
    }

    /**
     * The TLS failure as a person needs to read it; a certificate issued for another name (the most
     * common misconfiguration) is named as such.
     */
    private static String tlsFailure(WebSocketUri target, Throwable cause) {
        String prefix = "TLS handshake with " + target.authority() + " failed: ";
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateException && isNameMismatch(t.getMessage())) {
                return prefix + "host name '" + target.host() + "' did not match the server's certificate ("
                        + t.getMessage() + ")";
            }
        }
        return prefix + cause.getMessage();
    }

    /** The JDK's host name checker says "No name matching …", "No subject alternative … matching … found". */
    private static boolean isNameMismatch(String message) {
        return message != null && (message.startsWith("No name matching")
                || message.startsWith("No subject alternative"));
    }

    private void fail(ClientHandshakeException failure) {
        if (step == Step.ABORTED || step == Step.ANSWERED) {
            return;
        }
        abort();
        listener.onFailure(this, failure);
    }

    private static InetSocketAddress resolve(String host, int port) throws ClientHandshakeException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new ClientHandshakeException("Cannot resolve host name '" + host + "'");
        }
        return address;
    }
}
