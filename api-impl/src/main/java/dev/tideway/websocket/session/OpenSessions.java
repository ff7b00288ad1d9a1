package dev.tideway.websocket.session;

import jakarta.websocket.Session;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The open sessions of one endpoint, for {@code Session.getOpenSessions()} and for shutting down. */
public final class OpenSessions {
    private final Set<TidewaySession> sessions = ConcurrentHashMap.newKeySet();

    void add(TidewaySession session) {
        sessions.add(session);
    }

    void remove(TidewaySession session) {
        sessions.remove(session);
    }

    /** A copy of the sessions that are open now. */
    public Set<Session> snapshot() {
        return sessions.stream().filter(TidewaySession::isOpen).collect(Collectors.toUnmodifiableSet());
    }

    /** Every session, open or closing: what a shutdown must close. */
    public Set<TidewaySession> all() {
        return Set.copyOf(sessions);
    }

    public int size() {
        return sessions.size();
    }
}
