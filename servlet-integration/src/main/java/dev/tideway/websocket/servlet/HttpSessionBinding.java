package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;

/**
 * Ties one WebSocket session to the HTTP session its upgrade request had, from the session's start to its
 * close: an authenticated WebSocket ends with its HTTP session (1008), and inbound messages keep the HTTP
 * session alive where the container allows it ({@link HttpSessionKeepAlive}). It holds the HTTP session's
 * id, not the session.
 */
final class HttpSessionBinding {
    /** Why an authenticated WebSocket closes when its HTTP session is invalidated or expires. */
    static final CloseReason HTTP_SESSION_ENDED =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "The HTTP session of this connection has ended");

    private final HttpSessionTracker tracker;
    private final boolean authenticated;
    private final HttpSessionKeepAlive keepAlive;
    private volatile String httpSessionId;
    private volatile TidewaySession session;

    private HttpSessionBinding(HttpSessionTracker tracker, String httpSessionId, boolean authenticated,
                               HttpSessionKeepAlive keepAlive) {
        this.tracker = tracker;
        this.httpSessionId = httpSessionId;
        this.authenticated = authenticated;
        this.keepAlive = keepAlive;
    }

    /**
     * The binding for an upgrade request, taken during the handshake; null when there is nothing to bind:
     * no HTTP session, or an anonymous upgrade on a container that cannot keep the session alive.
     */
    static HttpSessionBinding of(HttpServletRequest request, HttpSessionTracker tracker) {
        HttpSession httpSession = request.getSession(false);
        if (httpSession == null) {
            return null;
        }
        boolean authenticated = request.getUserPrincipal() != null;
        HttpSessionKeepAlive keepAlive = HttpSessionKeepAlive.of(httpSession);
        if (!authenticated && keepAlive == null) {
            return null;
        }
        return new HttpSessionBinding(tracker, httpSession.getId(), authenticated, keepAlive);
    }

    /** The session's listener, seen through one that keeps the HTTP session alive when messages arrive. */
    ConnectionListener observe(ConnectionListener listener) {
        return keepAlive == null ? listener : new InboundMessageActivity(listener, keepAlive::messageArrived);
    }

    /** The WebSocket session started: from now on it hears of its HTTP session. */
    void attach(TidewaySession started) {
        session = started;
        tracker.track(this);
    }

    /** The WebSocket session closed: forgets it, and the HTTP session's accessor. */
    void detach() {
        session = null;
        tracker.untrack(this);
        if (keepAlive != null) {
            keepAlive.stop();
        }
    }

    boolean isAttached() {
        return session != null;
    }

    String httpSessionId() {
        return httpSessionId;
    }

    /** The HTTP session was invalidated or expired: an authenticated WebSocket ends with it. */
    void httpSessionEnded() {
        if (keepAlive != null) {
            keepAlive.stop();
        }
        TidewaySession current = session;
        if (authenticated && current != null) {
            current.startClose(HTTP_SESSION_ENDED); // does not wait: this runs on the invalidating request
        }
    }

    /** The HTTP session's id changed (as after a login that protects against session fixation). */
    void httpSessionIdChanged(HttpSession httpSession) {
        httpSessionId = httpSession.getId();
        if (keepAlive != null) {
            keepAlive.renew(httpSession);
        }
    }
}
