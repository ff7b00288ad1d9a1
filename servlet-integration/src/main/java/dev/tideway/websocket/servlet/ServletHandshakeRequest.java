package dev.tideway.websocket.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The upgrade request as the Jakarta API shows it to {@code modifyHandshake}: a snapshot of the headers
 * (names matched ignoring case) and parameters (the request's, then the URI template's path parameters, which
 * replace a request parameter of the same name, as the TCK expects), and live access to what only the Servlet request can
 * answer (the user, roles, the HTTP session).
 */
final class ServletHandshakeRequest implements HandshakeRequest {
    private final HttpServletRequest request;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> parameters;
    private final URI requestUri;

    ServletHandshakeRequest(HttpServletRequest request, URI requestUri, Map<String, String> pathParameters) {
        this.request = request;
        this.requestUri = requestUri;
        this.headers = Collections.unmodifiableMap(headersOf(request));
        this.parameters = Collections.unmodifiableMap(parametersOf(request, pathParameters));
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            List<String> values = new ArrayList<>();
            for (Enumeration<String> e = request.getHeaders(name); e.hasMoreElements(); ) {
                values.add(e.nextElement());
            }
            headers.merge(name, values, (a, b) -> {
                List<String> joined = new ArrayList<>(a);
                joined.addAll(b);
                return joined;
            });
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }

    private static Map<String, List<String>> parametersOf(HttpServletRequest request,
                                                          Map<String, String> pathParameters) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        pathParameters.forEach((name, value) -> parameters.put(name, List.of(value)));
        return parameters;
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }

    @Override
    public Principal getUserPrincipal() {
        return request.getUserPrincipal();
    }

    @Override
    public URI getRequestURI() {
        return requestUri;
    }

    @Override
    public boolean isUserInRole(String role) {
        return request.isUserInRole(role);
    }

    @Override
    public Object getHttpSession() {
        return request.getSession(false);
    }

    @Override
    public Map<String, List<String>> getParameterMap() {
        return parameters;
    }

    @Override
    public String getQueryString() {
        return request.getQueryString();
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
