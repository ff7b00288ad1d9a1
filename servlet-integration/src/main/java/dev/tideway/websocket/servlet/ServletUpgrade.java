package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.server.ConfiguratorExtensions;
import dev.tideway.websocket.server.DeployedEndpoint;
import dev.tideway.websocket.server.PerConnectionConfig;
import dev.tideway.websocket.server.handshake.HandshakeAcceptance;
import dev.tideway.websocket.server.handshake.HandshakeOutcome;
import dev.tideway.websocket.server.handshake.HandshakeRejection;
import dev.tideway.websocket.server.handshake.HandshakeRequestHeaders;
import dev.tideway.websocket.server.handshake.ServerHandshake;
import dev.tideway.websocket.session.NegotiatedExtension;
import dev.tideway.websocket.session.SessionRequest;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One opening handshake on a Servlet request, in the order of RFC 6455 §4.2.2 and the Jakarta API: origin
 * checks (Tideway's allow-list, then the configurator's {@code checkOrigin}), the request rules and the
 * negotiation ({@link ServerHandshake}, with the configurator choosing the subprotocol and the extensions),
 * {@code modifyHandshake}, the endpoint instance, and then the 101 response and the HTTP upgrade. The
 * session is built when the container hands over the upgraded connection.
 */
final class ServletUpgrade {
    private static final System.Logger LOG = System.getLogger(ServletUpgrade.class.getName());

    private final TidewayServerContainer container;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final DeployedEndpoint endpoint;
    private final Map<String, String> pathParameters;

    ServletUpgrade(TidewayServerContainer container, HttpServletRequest request, HttpServletResponse response,
                   DeployedEndpoint endpoint, Map<String, String> pathParameters) {
        this.container = container;
        this.request = request;
        this.response = response;
        this.endpoint = endpoint;
        this.pathParameters = pathParameters;
    }

    void perform() throws IOException, ServletException {
        ServerEndpointConfig config = endpoint.config();
        ServerEndpointConfig.Configurator configurator = endpoint.configurator();
        String origin = request.getHeader("Origin");
        if (!container.originPolicy().allows(origin, request.getHeader("Host")) || !configurator.checkOrigin(origin)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin " + origin + " is not allowed");
            return;
        }
        ServerHandshake handshake = ServerHandshake.builder()
                .subprotocols(config.getSubprotocols())
                .subprotocolChooser(configurator::getNegotiatedSubprotocol)
                .extensionChooser(new ConfiguratorExtensions(configurator, config.getExtensions(),
                        container.getInstalledExtensions()))
                .extensions(container.extensionFactories())
                .build();
        HandshakeRequestHeaders headers = name -> Collections.list(request.getHeaders(name));
        HandshakeOutcome outcome = handshake.process(request.getMethod(), headers);
        if (outcome instanceof HandshakeRejection rejection) {
            rejection.headers().forEach(response::setHeader);
            response.sendError(rejection.status(), rejection.reason());
            return;
        }
        accept((HandshakeAcceptance) outcome, config, configurator);
    }

    private void accept(HandshakeAcceptance accepted, ServerEndpointConfig endpointConfig,
                        ServerEndpointConfig.Configurator configurator) throws IOException, ServletException {
        // what modifyHandshake puts into the user properties belongs to this connection only
        ServerEndpointConfig config = new PerConnectionConfig(endpointConfig);
        URI requestUri = webSocketUri(request);
        ServletHandshakeRequest handshakeRequest = new ServletHandshakeRequest(request, requestUri, pathParameters);
        ServletHandshakeResponse handshakeResponse = new ServletHandshakeResponse(accepted.responseHeaders());
        Endpoint instance;
        try {
            configurator.modifyHandshake(config, handshakeRequest, handshakeResponse);
            instance = endpoint.newEndpoint();
        } catch (InstantiationException | RuntimeException e) {
            accepted.releaseExtensions();
            LOG.log(Level.ERROR, "WebSocket handshake for " + endpoint + " failed", e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "The endpoint could not be created");
            return;
        }
        // what the session needs of the request is taken now: the request object is recycled after upgrade
        SessionRequest sessionRequest = new SessionRequest(requestUri, pathParameters, request.getQueryString(),
                handshakeRequest.getParameterMap(), request.getUserPrincipal(), request.isSecure());
        HttpSessionBinding httpSession = HttpSessionBinding.of(request, container.httpSessions());
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        handshakeResponse.getHeaders().forEach((name, values) -> {
            if (!isBodyHeader(name)) { // a configurator copying request headers must not give a 101 a body
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        TidewayUpgradeHandler handler = request.upgrade(TidewayUpgradeHandler.class);
        handler.configure(container.upgradeResources(),
                transport -> startSession(transport, accepted, config, instance, sessionRequest, httpSession), request);
    }

    /** Builds and opens the session; {@code httpSession} is null when it has no HTTP session to follow. */
    private WebSocketConnection startSession(Transport transport, HandshakeAcceptance accepted,
                                             ServerEndpointConfig config, Endpoint instance, SessionRequest sessionRequest,
                                             HttpSessionBinding httpSession) {
        List<dev.tideway.websocket.protocol.extension.Extension> extensions = accepted.extensions();
        TidewaySession.Builder builder = TidewaySession.builder()
                .container(container)
                .endpoint(instance)
                .config(config)
                .request(sessionRequest)
                .subprotocol(accepted.subprotocol())
                .extensions(extensions.stream()
                        .map(extension -> (jakarta.websocket.Extension) NegotiatedExtension.of(extension.negotiated()))
                        .toList())
                .openSessions(endpoint.sessions())
                .coders(endpoint.decoders(), endpoint.encoders())
                .resources(container.resources())
                .onClosed(() -> endpoint.release(instance));
        if (httpSession != null) {
            builder.onClosed(httpSession::detach);
        }
        TidewaySession session = builder.build(listener -> WebSocketConnection.builder(Role.SERVER, transport,
                        httpSession == null ? listener : httpSession.observe(listener))
                .extensions(extensions)
                .settings(ProtocolSettings.DEFAULTS)
                .scheduler(container.resources().scheduler())
                .bufferPool(container.resources().bufferPool())
                .build());
        if (httpSession != null) {
            httpSession.attach(session);
        }
        session.open();
        return session.connection();
    }

    /** Headers that describe a message body: a 101 has none, and Jetty refuses to upgrade when told otherwise. */
    private static boolean isBodyHeader(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding");
    }

    /** The request's URI as the session reports it: ws or wss, host, path and query as the client sent them. */
    private static URI webSocketUri(HttpServletRequest request) {
        StringBuilder uri = new StringBuilder(request.isSecure() ? "wss://" : "ws://");
        String host = request.getHeader("Host");
        uri.append(host != null ? host : request.getServerName() + ":" + request.getServerPort());
        uri.append(request.getRequestURI());
        if (request.getQueryString() != null) {
            uri.append('?').append(request.getQueryString());
        }
        return URI.create(uri.toString());
    }
}
