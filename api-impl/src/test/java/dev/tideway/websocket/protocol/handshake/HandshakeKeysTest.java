package dev.tideway.websocket.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeKeysTest {

    @Test
    void acceptsTheKeyOfRfc6455Section1_3() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", HandshakeKeys.acceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void acceptIsTheBase64OfATwentyByteDigest() {
        String accept = HandshakeKeys.acceptFor("AQIDBAUGBwgJCgsMDQ4PEA==");
        assertEquals(20, Base64.getDecoder().decode(accept).length);
        assertEquals(accept, HandshakeKeys.acceptFor("AQIDBAUGBwgJCgsMDQ4PEA=="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dGhlIHNhbXBsZSBub25jZQ==", "AQIDBAUGBwgJCgsMDQ4PEA==", "/////////////////////w=="})
    void sixteenBytesInBase64AreAValidKey(String key) {
        assertTrue(HandshakeKeys.isValidKey(key));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "   ",
        "                        ", // 24 blanks
        "dGhlIHNhbXBsZSBub25jZQ", // 16 bytes, but the padding is missing
        "dGhlIHNhbXBsZSBub25jZQ=", // padding cut short
        " dGhlIHNhbXBsZSBub25jZQ==", // surrounding whitespace is the header parser's to strip
        "dGhlIHNhbXBsZSBub25jZSE=", // 17 bytes
        "dGhlIHNhbXBsZSBub25j", // 15 bytes
        "dGhlIHNhbXBsZSBub25jZXM1", // 18 bytes, 24 characters
        "dGhlIHNhbXBsZSBub25jZ*==", // not base64
        "dGhlIHNhbXBsZSBub25jZQ-_", // the URL alphabet is not the key's
    })
    void anythingElseIsNot(String key) {
        assertFalse(HandshakeKeys.isValidKey(key));
    }

    @Test
    void newKeysAreValidAndFresh() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String key = HandshakeKeys.newKey();
            assertTrue(HandshakeKeys.isValidKey(key), key);
            keys.add(key);
        }
        assertEquals(100, keys.size());
    }
}
