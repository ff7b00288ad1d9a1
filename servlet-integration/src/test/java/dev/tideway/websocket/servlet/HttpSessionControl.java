package dev.tideway.websocket.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP side of the HTTP session tests, under {@code /session/}: {@code login?timeout=S} creates a
 * session (with that timeout in seconds), {@code logout} invalidates the request's session, {@code rotate}
 * gives it a new id (as a login does against session fixation), {@code check}
 * answers {@code valid} or {@code none} (and, being a request, touches the session), {@code bound} counts
 * the WebSocket sessions Tideway has tied to HTTP sessions. Other requests go down the chain.
 */
public class HttpSessionControl extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/session/")) {
            chain.doFilter(request, response);
            return;
        }
        String answer = switch (path) {
            case "/session/login" -> login(request);
            case "/session/logout" -> logout(request);
            case "/session/rotate" -> request.changeSessionId() == null ? "none" : "rotated";
            case "/session/check" -> request.getSession(false) == null ? "none" : "valid";
            case "/session/bound" -> Integer.toString(container(request).httpSessions().size());
            default -> null;
        };
        if (answer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String login(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String timeout = request.getParameter("timeout");
        if (timeout != null) {
            session.setMaxInactiveInterval(Integer.parseInt(timeout));
        }
        return "created";
    }

    private static String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return "none";
        }
        session.invalidate();
        return "invalidated";
    }

    private static TidewayServerContainer container(HttpServletRequest request) {
        return (TidewayServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
    }
}
