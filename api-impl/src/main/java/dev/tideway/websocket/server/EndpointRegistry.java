package dev.tideway.websocket.server;

import dev.tideway.websocket.endpoint.UriTemplate;
import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server endpoint paths of an application and the matching of request paths against them (Jakarta WebSocket
 * §3.1.1). Pure Java: the servlet layer passes the request path (without query) and registers whatever it serves
 * ({@code T}).
 *
 * <p>Registration rejects a path equal or equivalent to one already registered ({@code /a/{x}} and {@code /a/{y}}:
 * same segments, variables in the same places). Matching considers the paths with as many segments as the request
 * and compares segment by segment from the left, a literal segment beating a variable one; so an exact literal
 * match always wins, and of two matching templates the one with a literal at the leftmost segment where they differ
 * wins ({@code /b/d} matches {@code /b/{y}} rather than {@code /{x}/d}). Where the spec's informal description keeps
 * only the literal candidates at a segment and may then end with none, this registry falls back to the variable
 * candidates, so that a request that is a valid expansion of some registered template always finds it (§3.1.1:
 * "matches an endpoint path if ... it is a valid expansion").
 *
 * <p>Registration is rare and matching happens once per handshake, possibly concurrently: adding builds a new
 * immutable segment tree and publishes it through a volatile field, so matching takes no lock.
 *
 * @param <T> what is registered per path
 */
public final class EndpointRegistry<T> {
    private final Map<String, Entry<T>> byShape = new LinkedHashMap<>(); // guarded by this
    private volatile Node<T> root = new Node<>();

    /**
     * A successful match.
     *
     * @param endpoint       what was registered for the template
     * @param template       the matching template
     * @param pathParameters the variable values by name in template order; empty for a literal path
     */
    public record Match<T>(T endpoint, UriTemplate template, Map<String, String> pathParameters) {
    }

    private record Entry<T>(UriTemplate template, T endpoint) {
    }

    /**
     * Registers an endpoint path.
     *
     * @throws DeploymentException when the path is invalid, or equal or equivalent to a registered one
     */
    public void add(String template, T endpoint) throws DeploymentException {
        add(UriTemplate.parse(template), endpoint);
    }

    /**
     * Registers a parsed endpoint path.
     *
     * @throws DeploymentException when the path is equal or equivalent to a registered one
     */
    public synchronized void add(UriTemplate template, T endpoint) throws DeploymentException {
        Entry<T> existing = byShape.get(template.shape());
        if (existing != null) {
            String relation = existing.template().equals(template) ? "is already registered"
                    : "is equivalent to the registered path '" + existing.template() + "'";
            throw new DeploymentException("Duplicate endpoint path '" + template + "': it " + relation
                    + "; an application may not map two endpoints to equal or equivalent paths");
        }
        byShape.put(template.shape(), new Entry<>(template, endpoint));
        Node<T> rebuilt = new Node<>();
        for (Entry<T> entry : byShape.values()) {
            rebuilt.insert(entry, 0);
        }
        root = rebuilt;
    }

    /** Forgets every path: nothing matches afterwards. */
    public synchronized void clear() {
        byShape.clear();
        root = new Node<>();
    }

    /**
     * Finds the endpoint for a request path.
     *
     * @param path the request path, starting with '/', without query string
     * @return the best match, or null if no registered path matches
     */
    public Match<T> match(String path) {
        String[] segments = UriTemplate.splitPath(path);
        if (segments == null) {
            return null;
        }
        Entry<T> entry = root.find(segments, 0);
        if (entry == null) {
            return null;
        }
        return new Match<>(entry.endpoint(), entry.template(), entry.template().matchSegments(segments));
    }

    /** The registered templates in registration order. */
    public synchronized List<UriTemplate> templates() {
        List<UriTemplate> templates = new ArrayList<>(byShape.size());
        byShape.values().forEach(entry -> templates.add(entry.template()));
        return templates;
    }

    /**
     * One segment position in the tree of registered paths: children by literal text, one child for "any variable"
     * (equivalent templates are rejected, so variables at the same place share a node whatever their names), and
     * the template that ends here.
     */
    private static final class Node<T> {
        private final Map<String, Node<T>> literals = new HashMap<>();
        private Node<T> variable;
        private Entry<T> terminal;

        void insert(Entry<T> entry, int depth) {
            List<UriTemplate.Segment> segments = entry.template().segments();
            if (depth == segments.size()) {
                terminal = entry;
                return;
            }
            UriTemplate.Segment segment = segments.get(depth);
            Node<T> child;
            if (segment.variable()) {
                if (variable == null) {
                    variable = new Node<>();
                }
                child = variable;
            } else {
                child = literals.computeIfAbsent(segment.text(), text -> new Node<>());
            }
            child.insert(entry, depth + 1);
        }

        /*
         * Literal child first, then the variable child: the first complete match found is the best one. Each node
         * is visited at most once, so the work is bounded by the size of the tree, and the recursion depth by the
         * longest registered path.
         */
        Entry<T> find(String[] segments, int depth) {
            if (depth == segments.length) {
                return terminal;
            }
            Node<T> literal = literals.get(segments[depth]);
            if (literal != null) {
                Entry<T> found = literal.find(segments, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            // a variable matches one non-empty segment
            return variable == null || segments[depth].isEmpty() ? null : variable.find(segments, depth + 1);
        }
    }
}
