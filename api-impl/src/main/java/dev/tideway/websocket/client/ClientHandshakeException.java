package dev.tideway.websocket.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A client connection that could not be established: the TCP connect, the proxy tunnel, TLS or the
 * WebSocket opening handshake failed, or the connect timed out. The message says exactly why, for example
 * {@code Server answered 200 OK instead of 101 Switching Protocols} or
 * {@code Sec-WebSocket-Accept mismatch: expected X, got Y}.
 *
 * <p>When the failure was the server's (or the proxy's) HTTP answer, the exception carries its status code
 * and header fields; otherwise {@link #statusCode()} is {@code -1} and the headers are empty.
 */
public class ClientHandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@link #statusCode()} when no HTTP response was involved. */
    public static final int NO_STATUS = -1;

    private final int statusCode;
    private final transient Map<String, List<String>> responseHeaders;

    public ClientHandshakeException(String message) {
        this(message, null, NO_STATUS, Map.of());
    }

    public ClientHandshakeException(String message, Throwable cause) {
        this(message, cause, NO_STATUS, Map.of());
    }

    /** A failure caused by this response; it keeps the response's status and header fields. */
    ClientHandshakeException(String message, HttpResponseHead response) {
        this(message, null, response.status(), response.headers());
    }

    private ClientHandshakeException(String message, Throwable cause, int statusCode,
                                     Map<String, List<String>> responseHeaders) {
        super(message, cause);
        this.statusCode = statusCode;
        this.responseHeaders = responseHeaders;
    }

    /** The status code of the HTTP response that failed the handshake, or {@link #NO_STATUS}. */
    public int statusCode() {
        return statusCode;
    }

    /** The header fields of that response (names compared ignoring case); empty when there was none. */
    public Map<String, List<String>> responseHeaders() {
        return responseHeaders == null ? Map.of() : responseHeaders;
    }
}
