package dev.tideway.websocket.protocol.handshake;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Parsing and formatting of the comma-separated handshake headers: {@code Sec-WebSocket-Extensions}
 * (RFC 6455 §9.1), {@code Sec-WebSocket-Protocol} (§4.1), and the token lists of {@code Connection} and
 * {@code Upgrade}.
 *
 * <p>Every method takes all the lines of one header, in order: HTTP lets a list header be split over several
 * lines, and the lines mean the same as one line joined with commas (RFC 7230 §3.2.2). A {@code null} list or
 * line counts as absent. Parse errors give the index within the offending line, and which line it is when
 * there are several.
 */
public final class HandshakeHeaders {
    private static final String EXTENSIONS = "Sec-WebSocket-Extensions";
    private static final String PROTOCOL = "Sec-WebSocket-Protocol";

    private HandshakeHeaders() {
    }

    /**
     * The extension offers (or the accepted extensions of a response), in header order; several offers of
     * the same extension stay separate and in order. Names and parameters keep the case they were written in.
     *
     * <p>Grammar (§9.1, with the list rule and optional whitespace of RFC 7230 §7):
     * {@code extension *( OWS "," OWS extension )}, {@code extension = token *( OWS ";" OWS param )},
     * {@code param = token [ OWS "=" OWS ( token / quoted-string ) ]}. A quoted value is returned unquoted
     * and must be a token once unquoted. Empty list elements ({@code ",,"}) are skipped.
     *
     * @throws HandshakeException naming the first syntax error and where it is
     */
    public static List<ExtensionOffer> parseExtensions(List<String> headerValues) throws HandshakeException {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (HeaderValueReader reader : readers(EXTENSIONS, headerValues)) {
            while (nextElement(reader)) {
                offers.add(extension(reader));
                endElement(reader, "',' or ';'");
            }
        }
        return offers;
    }

    /**
     * The tokens of a comma-separated list such as {@code Sec-WebSocket-Protocol}, trimmed, in order,
     * duplicates kept and empty elements skipped.
     *
     * @throws HandshakeException when an element is not a single token; the message names
     *                            {@code Sec-WebSocket-Protocol}
     */
    public static List<String> parseTokenList(List<String> headerValues) throws HandshakeException {
        List<String> tokens = new ArrayList<>();
        for (HeaderValueReader reader : readers(PROTOCOL, headerValues)) {
            while (nextElement(reader)) {
                tokens.add(reader.token("a token"));
                endElement(reader, "','");
            }
        }
        return tokens;
    }

    /**
     * True when one of the comma-separated elements is {@code token}, ignoring case and surrounding
     * whitespace: {@code Connection: keep-alive, Upgrade} contains {@code upgrade}. Never fails: what is not
     * the token, well-formed or not, is simply not it.
     */
    public static boolean containsToken(List<String> headerValues, String token) {
        if (headerValues == null) {
            return false;
        }
        for (String value : headerValues) {
            if (value == null) {
                continue;
            }
            int start = 0;
            while (start <= value.length()) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                if (trimmedEqualsIgnoreCase(value, start, end, token)) {
                    return true;
                }
                start = end + 1;
            }
        }
        return false;
    }

    /**
     * The {@code Sec-WebSocket-Extensions} value for {@code extensions}:
     * {@code name; param; param=value, name2}. A value is written bare when it is a token and as a
     * quoted string otherwise (§9.1 allows only tokens, so that should only happen for values that did not
     * come from a peer).
     *
     * @throws IllegalArgumentException when a name is not a token, or a value holds a character that no
     *                                  quoted string can carry
     */
    public static String formatExtensions(List<ExtensionOffer> extensions) {
        StringBuilder header = new StringBuilder();
        for (ExtensionOffer extension : extensions) {
            if (header.length() > 0) {
                header.append(", ");
            }
            header.append(requireToken(extension.name()));
            for (Parameter parameter : extension.parameters()) {
                header.append("; ").append(requireToken(parameter.name()));
                if (parameter.value() != null) {
                    header.append('=');
                    appendValue(header, parameter.value());
                }
            }
        }
        return header.toString();
    }

    private static List<HeaderValueReader> readers(String headerName, List<String> headerValues) {
        List<HeaderValueReader> readers = new ArrayList<>();
        if (headerValues == null) {
            return readers;
        }
        for (int i = 0; i < headerValues.size(); i++) {
            String value = headerValues.get(i);
            if (value != null) {
                String line = headerValues.size() > 1 ? " of header line " + (i + 1) : "";
                readers.add(new HeaderValueReader(headerName, value, line));
            }
        }
        return readers;
    }

    /** Skips empty list elements; true when an element starts at the cursor. */
    private static boolean nextElement(HeaderValueReader reader) {
        reader.skipWhitespace();
        while (reader.skip(',')) {
            reader.skipWhitespace();
        }
        return !reader.atEnd();
    }

    /** After an element: the end of the value, or a comma before the next one. */
    private static void endElement(HeaderValueReader reader, String expected) throws HandshakeException {
        reader.skipWhitespace();
        if (!reader.atEnd() && !reader.skip(',')) {
            throw reader.unexpected(expected);
        }
    }

    private static ExtensionOffer extension(HeaderValueReader reader) throws HandshakeException {
        String name = reader.token("an extension name");
        List<Parameter> parameters = new ArrayList<>();
        reader.skipWhitespace();
        while (reader.skip(';')) {
            reader.skipWhitespace();
            String parameterName = reader.token("a parameter name");
            reader.skipWhitespace();
            String value = null;
            if (reader.skip('=')) {
                reader.skipWhitespace();
                value = parameterValue(reader, parameterName);
                reader.skipWhitespace();
            }
            parameters.add(new Parameter(parameterName, value));
        }
        return new ExtensionOffer(name, parameters);
    }

    private static String parameterValue(HeaderValueReader reader, String parameterName)
            throws HandshakeException {
        if (!reader.startsQuotedString()) {
            return reader.token("a value for parameter " + parameterName);
        }
        int opening = reader.index();
        String value = reader.quotedString();
        if (!HeaderValueReader.isToken(value)) {
            throw reader.error("quoted value of parameter " + parameterName + " is not a token", opening);
        }
        return value;
    }

    private static boolean trimmedEqualsIgnoreCase(String value, int start, int end, String token) {
        while (start < end && HeaderValueReader.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && HeaderValueReader.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return end - start == token.length() && value.regionMatches(true, start, token, 0, token.length());
    }

    private static String requireToken(String name) {
        if (!HeaderValueReader.isToken(name)) {
            throw new IllegalArgumentException("not a token: \"" + name + "\"");
        }
        return name;
    }

    private static void appendValue(StringBuilder header, String value) {
        if (HeaderValueReader.isToken(value)) {
            header.append(value);
            return;
        }
        header.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!HeaderValueReader.isQuotedTextChar(c)) {
                throw new IllegalArgumentException(
                        String.format("character 0x%02X cannot be sent in a header: \"%s\"", (int) c, value));
            }
            if (c == '"' || c == '\\') {
                header.append('\\');
            }
            header.append(c);
        }
        header.append('"');
    }
}
