package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloseStatusTest {

    @Test
    void emptyPayloadMeansNoStatus() throws ProtocolException {
        assertEquals(CloseStatus.NO_STATUS, CloseStatus.parse(ByteBuffer.allocate(0)));
    }

    @Test
    void oneBytePayloadIsAProtocolError() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> CloseStatus.parse(ByteBuffer.wrap(new byte[] {3})));
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999})
    void validCodesAreRead(int code) throws ProtocolException {
        assertEquals(new CloseStatus(code, "bye"), CloseStatus.parse(payload(code, "bye".getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
    void reservedAndUnassignedCodesAreProtocolErrors(int code) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> CloseStatus.parse(payload(code, new byte[0])));
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
    }

    @Test
    void invalidUtf8ReasonIsInvalidPayload() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> CloseStatus.parse(payload(1000, new byte[] {(byte) 0xCE, (byte) 0xBA, (byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        assertEquals(CloseCodes.INVALID_PAYLOAD_DATA, e.closeCode());
    }

    @Test
    void parsingLeavesThePayloadPositionAlone() throws ProtocolException {
        ByteBuffer payload = payload(1001, "x".getBytes(StandardCharsets.UTF_8));
        CloseStatus.parse(payload);
        assertEquals(0, payload.position());
    }

    @Test
    void payloadHoldsCodeAndReason() {
        ByteBuffer payload = new CloseStatus(4001, "done").toPayload();
        assertArrayEquals(new byte[] {0x0F, (byte) 0xA1, 'd', 'o', 'n', 'e'}, RecordingListener.bytes(payload));
    }

    @Test
    void noStatusHasAnEmptyPayload() {
        assertEquals(0, CloseStatus.NO_STATUS.toPayload().remaining());
    }

    @Test
    void longReasonIsCutAtACharacterBoundary() {
        // 61 two-byte characters = 122 bytes, then a three-byte one that would end at byte 125
        String reason = "é".repeat(61) + "€" + "tail";
        ByteBuffer payload = new CloseStatus(1000, reason).toPayload();
        assertEquals(2 + 122, payload.remaining());
        byte[] reasonBytes = new byte[payload.remaining() - 2];
        payload.position(2);
        payload.get(reasonBytes);
        assertEquals("é".repeat(61), new String(reasonBytes, StandardCharsets.UTF_8));
    }

    private static ByteBuffer payload(int code, byte[] reason) {
        ByteBuffer buffer = ByteBuffer.allocate(2 + reason.length);
        buffer.putShort((short) code).put(reason).flip();
        return buffer;
    }
}
