package dev.tideway.websocket.samples.war;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket upgrade written on a plain socket the way browsers send it: a GET with an {@code Origin} and
 * neither {@code Content-Length} nor {@code Transfer-Encoding} (Tideway's and the JDK's clients both add
 * {@code Content-Length: 0}). Enough of a client to send one masked text frame and read one unmasked
 * text frame back.
 */
final class BrowserLikeUpgrade implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 10_000;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String statusLine;

    private BrowserLikeUpgrade(URI uri) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String host = uri.getHost() + ":" + uri.getPort();
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Origin: http://" + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        statusLine = readHead();
    }

    static BrowserLikeUpgrade open(URI uri) throws IOException {
        return new BrowserLikeUpgrade(uri);
    }

    /** The response's status line, e.g. {@code HTTP/1.1 101 Switching Protocols}. */
    String statusLine() {
        return statusLine;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended inside the response head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    }

    /** Sends one masked text frame (payload under 126 bytes). */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        out.write(0x81);
        out.write(0x80 | payload.length);
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    /** Reads one unmasked, unfragmented text frame (payload under 126 bytes) and returns its text. */
    String readText() throws IOException {
        int first = readByte();
        int length = readByte();
        if (first != 0x81 || length > 125) {
            throw new IOException(String.format("expected a short final text frame, got 0x%02x 0x%02x", first, length));
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the connection ended");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
