package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.HELLO;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decodeCompressed;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.deflate;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseCodes;
import dev.tideway.websocket.protocol.ProtocolException;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data that does not inflate fails the connection with 1007. */
class PerMessageDeflateCorruptDataTest {
    private final RecordingSink sink = new RecordingSink();

    @ParameterizedTest
    @ValueSource(strings = {
            "ff ff ff ff",            // reserved block type 11
            "00 05 00 00 00 48",      // stored block whose NLEN is not the complement of LEN
            "f2 00 11 00 00"})        // a back reference into a window this side has never seen
    void corruptDataFailsWithInvalidPayloadData(String payload) {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> decodeCompressed(deflate(false, false), hex(payload), sink));

        assertEquals(CloseCodes.INVALID_PAYLOAD_DATA, e.closeCode());
        assertTrue(e.getMessage().startsWith("Corrupt permessage-deflate data: "), e.getMessage());
        assertInstanceOf(DataFormatException.class, e.getCause());
        assertEquals(0, sink.messageEnds());
    }

    @Test
    void inflaterWithoutContextTakeoverForgetsTheWindowBetweenMessages() throws Exception {
        PerMessageDeflate receiver = deflate(false, true);
        assertArrayEquals(HELLO, decodeCompressed(receiver, hex("f2 48 cd c9 c9 07 00"), sink));

        // The RFC's second "Hello" refers to the first message: it cannot inflate after a reset.
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> decodeCompressed(receiver, hex("f2 00 11 00 00"), sink));
        assertEquals(CloseCodes.INVALID_PAYLOAD_DATA, e.closeCode());
    }
}
