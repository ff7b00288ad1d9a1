package dev.tideway.websocket.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open a WebSocket: Tideway's defence against cross-site WebSocket hijacking,
 * where a page on another site opens a socket to this one with the user's cookies. The specification's
 * default {@code checkOrigin} accepts every origin, and so does {@link #ALLOW_ALL}; an allow-list refuses
 * every other origin with 403 before the endpoint's own configurator is asked.
 *
 * <p>Each entry of an allow-list is one of:
 * <ul>
 *   <li>{@code same-origin}: the Origin's host and port equal the request's Host header;</li>
 *   <li>an origin, {@code https://chat.example.com} or {@code http://localhost:8080} (scheme, host and
 *   port must all match; default ports may be left out);</li>
 *   <li>a subdomain wildcard, {@code https://*.example.com} (any subdomain, not the bare domain);</li>
 *   <li>{@code *}: any origin.</li>
 * </ul>
 * A request without an Origin header is allowed: browsers always send one on WebSocket handshakes, and a
 * non-browser client could send any value anyway.
 */
public final class OriginPolicy {
    /** The specification's default: every origin. */
    public static final OriginPolicy ALLOW_ALL = new OriginPolicy(List.of("*"));

    private final List<String> entries;

    private OriginPolicy(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * A policy from a comma-separated list (the form of the {@code dev.tideway.websocket.allowedOrigins}
     * context parameter); a blank value allows all.
     */
    public static OriginPolicy parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return ALLOW_ALL;
        }
        return allowList(List.of(commaSeparated.split(",")));
    }

    public static OriginPolicy allowList(List<String> entries) {
        return new OriginPolicy(entries.stream().map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).toList());
    }

    /**
     * @param origin the Origin header, or null
     * @param host   the Host header (for {@code same-origin}), or null
     */
    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        Origin parsed = Origin.parse(origin);
        for (String entry : entries) {
            if (entry.equals("*")) {
                return true;
            }
            if (parsed == null) {
                continue; // "null" or garbage matches nothing but "*"
            }
            if (entry.equals("same-origin")) {
                if (host != null && parsed.hostAndPort().equals(hostAndPort(host, parsed))) {
                    return true;
                }
            } else if (parsed.matches(entry)) {
                return true;
            }
        }
        return false;
    }

    /** The Host header with the origin scheme's default port made explicit. */
    private static String hostAndPort(String host, Origin origin) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        boolean hasPort = lower.lastIndexOf(':') > lower.lastIndexOf(']');
        return hasPort ? lower : lower + ":" + origin.port();
    }

    @Override
    public String toString() {
        return "OriginPolicy" + entries;
    }

    /** A parsed {@code scheme://host[:port]}. */
    private record Origin(String scheme, String host, int port) {
        static Origin parse(String value) {
            try {
                URI uri = URI.create(value.trim().toLowerCase(Locale.ROOT));
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return null;
                }
                return new Origin(uri.getScheme(), uri.getHost(), uri.getPort() >= 0 ? uri.getPort()
                        : defaultPort(uri.getScheme()));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static int defaultPort(String scheme) {
            return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
        }

        String hostAndPort() {
            return host + ":" + port;
        }

        boolean matches(String entry) {
            int wildcard = entry.indexOf("://*.");
            if (wildcard >= 0) {
                Origin base = parse(entry.substring(0, wildcard + 3) + entry.substring(wildcard + 5));
                return base != null && scheme.equals(base.scheme) && port == base.port
                        && host.endsWith("." + base.host);
            }
            return equals(parse(entry));
        }
    }
}
