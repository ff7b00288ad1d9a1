package dev.tideway.websocket.samples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PrintingEndpointTest {

    @Test
    void shortBinaryMessagesArePrintedAsHex() {
        assertEquals("[binary, 3 bytes] 00ff7f", PrintingEndpoint.describe(ByteBuffer.wrap(new byte[] {0, -1, 127})));
        assertEquals("[binary, 1 byte] 2a", PrintingEndpoint.describe(ByteBuffer.wrap(new byte[] {42})));
        assertEquals("[binary, 0 bytes]", PrintingEndpoint.describe(ByteBuffer.allocate(0)));
        assertEquals("[binary, 64 bytes] " + "00".repeat(64), PrintingEndpoint.describe(ByteBuffer.allocate(64)));
    }

    @Test
    void longBinaryMessagesOnlyByTheirLength() {
        assertEquals("[binary, 65 bytes]", PrintingEndpoint.describe(ByteBuffer.allocate(65)));
        assertEquals("[binary, 70000 bytes]", PrintingEndpoint.describe(ByteBuffer.allocate(70000)));
    }
}
