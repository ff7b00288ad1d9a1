package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {
    private static final String HEAD = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "X-Multi: one\r\n"
            + "x-multi: two\r\n"
            + "\r\n";
    private static final byte[] AFTER = {(byte) 0x81, 2, 'h', 'i'};

    @Test
    void readsStatusReasonAndHeadersWithCaseInsensitiveNamesAndRepeatedFieldsInOrder() throws Exception {
        HttpResponseHead head = new HttpResponseParser().parse(bytes(HEAD));

        assertEquals(101, head.status());
        assertEquals("Switching Protocols", head.reason());
        assertEquals("101 Switching Protocols", head.statusText());
        assertEquals(List.of("websocket"), head.values("UPGRADE"));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", head.firstValue("sec-websocket-accept"));
        assertEquals(List.of("one", "two"), head.values("X-MULTI"));
        assertEquals(List.of(), head.values("Absent"));
    }

    @Test
    void stopsRightAfterTheHeadLeavingTheFollowingBytesWhereverTheInputIsSplit() throws Exception {
        byte[] head = HEAD.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + AFTER.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(AFTER, 0, all, head.length, AFTER.length);
        HttpResponseHead whole = new HttpResponseParser().parse(ByteBuffer.wrap(all.clone()));

        for (int split = 0; split <= all.length; split++) {
            HttpResponseParser parser = new HttpResponseParser();
            ByteBuffer first = ByteBuffer.wrap(all, 0, split);
            HttpResponseHead result = parser.parse(first);
            ByteBuffer second = ByteBuffer.wrap(all, split, all.length - split);
            if (split < head.length) {
                assertNull(result, "complete after " + split + " bytes");
                assertEquals(0, first.remaining());
                result = parser.parse(second);
                assertEquals(AFTER.length, second.remaining(), "split at " + split);
            } else {
                assertEquals(split - head.length, first.remaining(), "split at " + split);
            }
            assertNotNull(result, "split at " + split);
            assertEquals(whole, result, "split at " + split);
            assertEquals(head.length, parser.bytesRead());
        }
    }

    @Test
    void acceptsBareLineFeedsAndUnfoldsObsoleteContinuationLines() throws Exception {
        HttpResponseHead head = new HttpResponseParser().parse(bytes(
                "HTTP/1.1 200 OK\nX-Folded: first\n   second\n\tthird\nX-Other:value\n\n"));

        assertEquals(List.of("first second third"), head.values("X-Folded"));
        assertEquals(List.of("value"), head.values("X-Other"));
    }

    @Test
    void aStatusLineWithoutReasonHasAnEmptyReason() throws Exception {
        HttpResponseHead head = new HttpResponseParser().parse(bytes("HTTP/1.0 404\r\n\r\n"));

        assertEquals(404, head.status());
        assertEquals("", head.reason());
        assertEquals("404", head.statusText());
    }

    @Test
    void anEndlessHeadFailsAtTheLimit() {
        HttpResponseParser parser = new HttpResponseParser(100);
        ByteBuffer endless = bytes("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(200));

        ClientHandshakeException e = assertThrows(ClientHandshakeException.class, () -> parser.parse(endless));

        assertEquals("Response header exceeds 100 bytes", e.getMessage());
    }

    @Test
    void somethingThatIsNotHttpFailsNamingTheStatusLine() {
        ClientHandshakeException e = assertThrows(ClientHandshakeException.class,
                () -> new HttpResponseParser().parse(bytes("SSH-2.0-OpenSSH_9.2\r\n\r\n")));

        assertEquals("Not an HTTP/1.1 response: status line 'SSH-2.0-OpenSSH_9.2'", e.getMessage());
    }

    @Test
    void aHeaderLineWithoutColonOrWithSpaceBeforeItFails() {
        ClientHandshakeException noColon = assertThrows(ClientHandshakeException.class,
                () -> new HttpResponseParser().parse(bytes("HTTP/1.1 101 OK\r\nNoColon\r\n\r\n")));
        ClientHandshakeException space = assertThrows(ClientHandshakeException.class,
                () -> new HttpResponseParser().parse(bytes("HTTP/1.1 101 OK\r\nUpgrade : websocket\r\n\r\n")));

        assertEquals("Malformed header line in response: 'NoColon'", noColon.getMessage());
        assertEquals("Malformed header line in response: 'Upgrade : websocket'", space.getMessage());
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
