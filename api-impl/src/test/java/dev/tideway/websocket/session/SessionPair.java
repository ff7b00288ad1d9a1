package dev.tideway.websocket.session;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.WebSocketConnection;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A server session and a client session joined in memory through their engines ({@link LoopbackTransport}):
 * the whole Jakarta API, end to end, without a socket. Close it to stop its threads.
 */
final class SessionPair implements AutoCloseable {
    final TestContainer container = new TestContainer();
    OpenSessions serverSessions = new OpenSessions();
    final OpenSessions clientSessions = new OpenSessions();
    private final ExecutorService executor = Executors.newCachedThreadPool(daemon("session-callbacks"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("session-timers"));
    private final SessionResources resources =
            new SessionResources(executor, Scheduler.of(timers), BufferPool.newDefault());
    private final LoopbackTransport[] wire = LoopbackTransport.pair();
    private ProtocolSettings settings = ProtocolSettings.DEFAULTS;
    private SessionRequest serverRequest = new SessionRequest(URI.create("ws://localhost/test?x=1"), Map.of(),
            "x=1", Map.of("x", List.of("1")), null, false);
    private String subprotocol;
    private List<Extension> extensions = List.of();
    TidewaySession server;
    TidewaySession client;

    /** Sets the engine settings of both ends (before {@link #open}). */
    SessionPair settings(ProtocolSettings settings) {
        this.settings = settings;
        return this;
    }

    /** The open sessions the server session joins: share one to put several pairs' servers under one endpoint. */
    SessionPair serverSessions(OpenSessions sessions) {
        this.serverSessions = sessions;
        return this;
    }

    /** The request the server session sees (before {@link #open}). */
    SessionPair serverRequest(SessionRequest request) {
        this.serverRequest = request;
        return this;
    }

    /** What the handshake negotiated, given to both sessions (before {@link #open}). */
    SessionPair negotiated(String subprotocol, List<Extension> extensions) {
        this.subprotocol = subprotocol;
        this.extensions = List.copyOf(extensions);
        return this;
    }

    /** A plain configuration, usable on both ends. */
    static EndpointConfig config() {
        return ClientEndpointConfig.Builder.create().build();
    }

    /** Opens a pair with plain configurations. */
    static SessionPair open(Endpoint serverEndpoint, Endpoint clientEndpoint) throws DeploymentException {
        return new SessionPair().open(serverEndpoint, config(), clientEndpoint, config());
    }

    /** Creates and opens both sessions; returns once both are started (their onOpen may still be running). */
    SessionPair open(Endpoint serverEndpoint, EndpointConfig serverConfig, Endpoint clientEndpoint,
                     EndpointConfig clientConfig) throws DeploymentException {
        server = session(Role.SERVER, wire[0], serverEndpoint, serverConfig, serverSessions, serverRequest);
        client = session(Role.CLIENT, wire[1], clientEndpoint, clientConfig, clientSessions,
                new SessionRequest(URI.create("ws://localhost/test?x=1"), Map.of(), "x=1",
                        Map.of("x", List.of("1")), null, false));
        // neither end may read before its own open(): the other end's onOpen may already be sending
        server.connection().pauseReading();
        client.connection().pauseReading();
        server.open();
        client.open();
        return this;
    }

    LoopbackTransport serverTransport() {
        return wire[0];
    }

    LoopbackTransport clientTransport() {
        return wire[1];
    }

    private TidewaySession session(Role role, LoopbackTransport transport, Endpoint endpoint, EndpointConfig config,
                                   OpenSessions sessions, SessionRequest request) throws DeploymentException {
        TidewaySession session = TidewaySession.builder()
                .container(container)
                .endpoint(endpoint)
                .config(config)
                .request(request)
                .subprotocol(subprotocol)
                .extensions(extensions)
                .openSessions(sessions)
                .coders(decoders(config), encoders(config))
                .resources(resources)
                .build(listener -> WebSocketConnection.builder(role, transport, listener)
                        .settings(settings)
                        .scheduler(resources.scheduler())
                        .bufferPool(resources.bufferPool())
                        .build());
        transport.attach(session.connection());
        return session;
    }

    private static List<DecoderDefinition> decoders(EndpointConfig config) throws DeploymentException {
        List<DecoderDefinition> definitions = new ArrayList<>();
        for (Class<?> type : config.getDecoders()) {
            definitions.add(DecoderDefinition.of(type));
        }
        return definitions;
    }

    private static List<EncoderDefinition> encoders(EndpointConfig config) throws DeploymentException {
        List<EncoderDefinition> definitions = new ArrayList<>();
        for (Class<?> type : config.getEncoders()) {
            definitions.add(EncoderDefinition.of(type));
        }
        return definitions;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws InterruptedException {
        wire[0].stopWire();
        wire[1].stopWire();
        executor.shutdownNow();
        timers.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
