package dev.tideway.websocket.protocol.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code Sec-WebSocket-Key} / {@code Sec-WebSocket-Accept} pair of RFC 6455 §4.1 and §4.2.2: the client
 * sends 16 random bytes in base64, and the server proves it read them by answering with the base64 SHA-1 of
 * the key and a fixed GUID.
 */
public final class HandshakeKeys {
    /** RFC 6455 §1.3: the GUID that no endpoint which does not speak WebSocket would know. */
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int KEY_BYTES = 16;
    /** Base64 of 16 bytes: 22 characters and two of padding. */
    private static final int KEY_LENGTH = 24;

    // Thread-safe, and drawn from once per connection attempt, so sharing it costs nothing measurable.
    private static final SecureRandom RANDOM = new SecureRandom();

    private HandshakeKeys() {
    }

    /**
     * True when {@code key} is base64 (with its padding) that decodes to exactly 16 bytes; false for
     * {@code null}, blank or anything else. The value is taken as the header parser hands it over, without
     * surrounding whitespace.
     */
    public static boolean isValidKey(String key) {
        if (key == null || key.length() != KEY_LENGTH) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The {@code Sec-WebSocket-Accept} value for {@code key}: base64(SHA-1(key + GUID)). */
    public static String acceptFor(String key) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
        byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(digest);
    }

    /** A fresh {@code Sec-WebSocket-Key}: 16 bytes from a {@link SecureRandom}, in base64. */
    public static String newKey() {
        byte[] nonce = new byte[KEY_BYTES];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }
}
