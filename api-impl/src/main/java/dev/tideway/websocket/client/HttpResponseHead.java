package dev.tideway.websocket.client;

import java.util.List;
import java.util.Map;

/**
 * The status line and header fields of an HTTP/1.1 response: the server's answer to the upgrade request,
 * or a proxy's answer to {@code CONNECT}.
 *
 * @param status  the three-digit status code
 * @param reason  the reason phrase, possibly empty
 * @param headers the header fields, unmodifiable, names compared ignoring case, each name's values in
 *                the order they came
 */
record HttpResponseHead(int status, String reason, Map<String, List<String>> headers) {

    /** Every value of the header field {@code name}, in order; empty when absent. */
    List<String> values(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of {@code name}, or {@code null}. */
    String firstValue(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The status as a person reads it: {@code 404 Not Found}. */
    String statusText() {
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
}
