package dev.tideway.websocket.session;

import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session knows of the request that opened it: the URI, the parameters from its path and query,
 * the authenticated user, and whether it came over TLS.
 *
 * @param requestUri     the request URI, with its query
 * @param pathParameters the values of the endpoint's URI template variables in template order (empty on a client)
 * @param queryString    the raw query, or null
 * @param parameterMap   the query parameters (and, on a server, those the container parsed and the path
 *                       parameters), in request order
 * @param userPrincipal  the authenticated user, or null
 * @param secure         whether the connection is encrypted
 */
public record SessionRequest(URI requestUri, Map<String, String> pathParameters, String queryString,
                             Map<String, List<String>> parameterMap, Principal userPrincipal, boolean secure) {
    public SessionRequest {
        // ordered copies: applications (and the TCK) iterate them and expect the request's order, which
        // Map.copyOf would scramble
        pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        parameterMap = Collections.unmodifiableMap(new LinkedHashMap<>(parameterMap));
    }
}
