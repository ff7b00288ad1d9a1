package dev.tideway.websocket.servlet;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which open WebSocket sessions of one web application were opened under which HTTP session, by the HTTP
 * session's id. The initializer registers it as the application's listener, so that it hears when an
 * HTTP session ends (the bound WebSockets that were authenticated close with 1008) and when its id
 * changes.
 */
final class HttpSessionTracker implements HttpSessionListener, HttpSessionIdListener {
    private final Map<String, Set<HttpSessionBinding>> byHttpSessionId = new ConcurrentHashMap<>();

    void track(HttpSessionBinding binding) {
        byHttpSessionId.computeIfAbsent(binding.httpSessionId(), id -> ConcurrentHashMap.newKeySet()).add(binding);
    }

    void untrack(HttpSessionBinding binding) {
        byHttpSessionId.computeIfPresent(binding.httpSessionId(), (id, bindings) -> {
            bindings.remove(binding);
            return bindings.isEmpty() ? null : bindings;
        });
    }

    /** WebSocket sessions bound to some HTTP session (for tests and diagnostics). */
    int size() {
        return byHttpSessionId.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Set<HttpSessionBinding> bindings = byHttpSessionId.remove(event.getSession().getId());
        if (bindings != null) {
            bindings.forEach(HttpSessionBinding::httpSessionEnded);
        }
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        Set<HttpSessionBinding> bindings = byHttpSessionId.remove(oldSessionId);
        if (bindings == null) {
            return;
        }
        for (HttpSessionBinding binding : List.copyOf(bindings)) {
            binding.httpSessionIdChanged(event.getSession());
            if (binding.isAttached()) { // one that closed meanwhile stays out
                track(binding);
            }
        }
    }
}
