package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.server.handshake.HandshakeAcceptance;
import dev.tideway.websocket.server.handshake.HandshakeOutcome;
import dev.tideway.websocket.server.handshake.HandshakeRejection;
import dev.tideway.websocket.server.handshake.HandshakeRequestHeaders;
import dev.tideway.websocket.server.handshake.ServerHandshake;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The engine-level upgrade path of the tests, standing in for the Jakarta layer: runs the
 * {@link ServerHandshake} of the path's {@link TestEndpoint}, answers a rejection with its status, headers
 * and reason, and an acceptance with 101 and {@link TidewayUpgradeHandler}. Requests that do not ask for a
 * WebSocket go on down the chain. The read strategy is the container's ({@link ReadDispatch#forContext}),
 * unless the endpoint names one.
 */
final class EngineUpgradeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, TestEndpoint> endpoints = new ConcurrentHashMap<>();
    private final transient Map<String, BlockingQueue<UpgradeTransport>> transports = new ConcurrentHashMap<>();
    private final transient BufferPool pool;
    private final transient Executor executor;
    private final transient Scheduler scheduler;
    private transient volatile ReadDispatch containerDispatch;

    EngineUpgradeFilter(BufferPool pool, Executor executor, Scheduler scheduler) {
        this.pool = pool;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    @Override
    public void init() {
        containerDispatch = ReadDispatch.forContext(getServletContext());
    }

    /** The strategy learnt from the container (and from what its connections observed). */
    ReadDispatch containerDispatch() {
        return containerDispatch;
    }

    void deploy(String path, TestEndpoint endpoint) {
        endpoints.put(path, endpoint);
        transports.put(path, new LinkedBlockingQueue<>());
    }

    /** The transports of the connections made on {@code path}, in the order they started. */
    BlockingQueue<UpgradeTransport> transports(String path) {
        return transports.get(path);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HandshakeRequestHeaders headers = name -> Collections.list(request.getHeaders(name));
        if (!ServerHandshake.isUpgradeRequest(headers)) {
            chain.doFilter(request, response);
            return;
        }
        TestEndpoint endpoint = endpoints.get(request.getRequestURI());
        if (endpoint == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HandshakeOutcome outcome = endpoint.handshake().process(request.getMethod(), headers);
        if (outcome instanceof HandshakeRejection rejection) {
            reject(response, rejection);
        } else if (outcome instanceof HandshakeAcceptance acceptance) {
            acceptance.responseHeaders().forEach(response::setHeader);
            response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            ReadDispatch dispatch = endpoint.readDispatch() != null ? endpoint.readDispatch() : containerDispatch;
            UpgradeResources resources = new UpgradeResources(pool, executor, dispatch);
            BlockingQueue<UpgradeTransport> started = transports.get(request.getRequestURI());
            TidewayUpgradeHandler handler = request.upgrade(TidewayUpgradeHandler.class);
            handler.configure(resources, transport -> {
                started.add((UpgradeTransport) transport);
                return connect(transport, endpoint, acceptance);
            }, request);
        }
    }

    private static void reject(HttpServletResponse response, HandshakeRejection rejection) throws IOException {
        response.setStatus(rejection.status());
        rejection.headers().forEach(response::setHeader);
        byte[] body = rejection.reason().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private WebSocketConnection connect(Transport transport, TestEndpoint endpoint, HandshakeAcceptance accepted) {
        ListenerSlot slot = new ListenerSlot();
        WebSocketConnection connection = WebSocketConnection.builder(Role.SERVER, transport, slot)
                .extensions(accepted.extensions())
                .settings(endpoint.settings())
                .scheduler(scheduler)
                .bufferPool(pool)
                .build();
        slot.set(endpoint.behaviour().apply(connection, accepted));
        return connection;
    }
}
