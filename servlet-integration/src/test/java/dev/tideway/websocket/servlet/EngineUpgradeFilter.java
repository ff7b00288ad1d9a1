package dev.tideway.websocket.servlet;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine-level upgrade path of the tests, standing in for the Jakarta layer: runs the
 * {@link ServerHandshake} of the path's {@link TestEndpoint}, answers a rejection with its status, headers
 * and reason, and an acceptance with 101 and {@link TidewayUpgradeHandler}. Requests that do not ask for a
 * WebSocket go on down the chain.
 */
final class EngineUpgradeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, TestEndpoint> endpoints = new ConcurrentHashMap<>();
    private final transient UpgradeResources resources;
    private final transient Scheduler scheduler;

    EngineUpgradeFilter(UpgradeResources resources, Scheduler scheduler) {
        this.resources = resources;
        this.scheduler = scheduler;
    }

    void deploy(String path, TestEndpoint endpoint) {
        endpoints.put(path, endpoint);
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
            TidewayUpgradeHandler handler = request.upgrade(TidewayUpgradeHandler.class);
            handler.configure(resources, transport -> connect(transport, endpoint, acceptance));
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
                .bufferPool(resources.bufferPool())
                .build();
        slot.set(endpoint.behaviour().apply(connection, accepted));
        return connection;
    }
}
