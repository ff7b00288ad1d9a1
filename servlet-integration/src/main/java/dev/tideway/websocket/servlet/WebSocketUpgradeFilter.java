package dev.tideway.websocket.servlet;

import dev.tideway.websocket.server.DeployedEndpoint;
import dev.tideway.websocket.server.EndpointRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends WebSocket upgrade requests for a deployed endpoint's path into the handshake; every other request
 * goes down the chain untouched. Filters mapped before this one (security, logging) have run by then, so
 * an authenticated user reaches the session.
 */
final class WebSocketUpgradeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient TidewayServerContainer container;

    WebSocketUpgradeFilter(TidewayServerContainer container) {
        this.container = container;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isWebSocketUpgrade(request) || container.endpoints().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        EndpointRegistry.Match<DeployedEndpoint> match = container.endpoints().match(path);
        if (match == null) {
            chain.doFilter(request, response);
            return;
        }
        new ServletUpgrade(container, request, response, match.endpoint(), match.pathParameters()).perform();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            doFilter(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket");
    }
}
