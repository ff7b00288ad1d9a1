package dev.tideway.websocket.client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one HTTP/1.1 response head (RFC 9112 §4, §5) from the pieces the network delivers, however they
 * are split, and stops exactly after the empty line that ends it: the bytes after it belong to whatever
 * speaks next on the connection (WebSocket frames after a 101, TLS records after a proxy's 200).
 *
 * <p>The head is bounded in size, so a server that sends an endless header cannot exhaust memory. Lines
 * may end in CRLF or a bare LF; an obsolete folded line (one starting with a space or tab) continues the
 * previous field's value, joined with a space (§5.2). Bytes are read as ISO-8859-1.
 */
final class HttpResponseParser {
    static final int DEFAULT_MAX_HEAD_BYTES = 64 * 1024;

    private final int maxHeadBytes;
    private final StringBuilder line = new StringBuilder(128);
    private final List<String> fieldLines = new ArrayList<>();
    private String statusLine;
    private int headBytes;

    HttpResponseParser() {
        this(DEFAULT_MAX_HEAD_BYTES);
    }

    HttpResponseParser(int maxHeadBytes) {
        this.maxHeadBytes = maxHeadBytes;
    }

    /** Bytes of the head consumed so far. */
    int bytesRead() {
        return headBytes;
    }

    /**
     * Consumes bytes up to the end of the head.
     *
     * @return the head once its last byte was consumed ({@code data} then holds what follows it), or
     *         {@code null} when more bytes are needed (all of {@code data} was consumed)
     * @throws ClientHandshakeException when the head is malformed or larger than the limit
     */
    HttpResponseHead parse(ByteBuffer data) throws ClientHandshakeException {
        while (data.hasRemaining()) {
            if (++headBytes > maxHeadBytes) {
                throw new ClientHandshakeException("Response header exceeds " + maxHeadBytes + " bytes");
            }
            byte b = data.get();
            if (b != '\n') {
                line.append((char) (b & 0xFF));
                continue;
            }
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
            }
            HttpResponseHead head = endOfLine(line.toString());
            line.setLength(0);
            if (head != null) {
                return head;
            }
        }
        return null;
    }

    private HttpResponseHead endOfLine(String text) throws ClientHandshakeException {
        if (statusLine == null) {
            if (!text.isEmpty()) { // an empty line before the status line is tolerated (RFC 9112 §2.2)
                statusLine = text;
            }
            return null;
        }
        if (text.isEmpty()) {
            return buildHead();
        }
        boolean folded = text.charAt(0) == ' ' || text.charAt(0) == '\t';
        if (folded) {
            if (fieldLines.isEmpty()) {
                throw new ClientHandshakeException("Malformed response: folded line '" + text.strip()
                        + "' follows the status line");
            }
            int last = fieldLines.size() - 1;
            fieldLines.set(last, fieldLines.get(last) + " " + text.strip());
        } else {
            fieldLines.add(text);
        }
        return null;
    }

    private HttpResponseHead buildHead() throws ClientHandshakeException {
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !isStatusCode(parts[1])) {
            throw new ClientHandshakeException("Not an HTTP/1.1 response: status line '" + statusLine + "'");
        }
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length == 3 ? parts[2].strip() : "";
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String field : fieldLines) {
            int colon = field.indexOf(':');
            // no whitespace is allowed between a field name and its colon (RFC 9112 §5.1)
            if (colon <= 0 || field.substring(0, colon).strip().length() != colon) {
                throw new ClientHandshakeException("Malformed header line in response: '" + field + "'");
            }
            headers.computeIfAbsent(field.substring(0, colon), name -> new ArrayList<>())
                    .add(field.substring(colon + 1).strip());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new HttpResponseHead(status, reason, Collections.unmodifiableMap(headers));
    }

    private static boolean isStatusCode(String s) {
        return s.length() == 3 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
