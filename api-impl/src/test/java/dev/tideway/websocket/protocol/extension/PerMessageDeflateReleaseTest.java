package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.HELLO;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decodeCompressed;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.deflate;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.encodeWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.FrameHeader;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** release() ends both zlib streams once, and the extension is unusable afterwards. */
class PerMessageDeflateReleaseTest {
    private static final String RELEASED = "permessage-deflate has been released";

    private final RecordingSink sink = new RecordingSink();

    @Test
    void releaseAfterUseMakesEveryLaterUseFail() throws Exception {
        PerMessageDeflate extension = deflate(false, false);
        decodeCompressed(extension, encodeWhole(deflate(false, false), HELLO), sink);
        encodeWhole(extension, HELLO);

        extension.release();

        assertReleased(() -> encodeWhole(extension, HELLO));
        assertReleased(() -> decodeCompressed(extension, new byte[] {0}, sink));
        assertReleased(() -> extension.decode(0, ByteBuffer.allocate(1), true, sink));
    }

    @Test
    void releaseBeforeAnyUseMakesUseFail() {
        PerMessageDeflate extension = deflate(false, false);

        extension.release();

        assertReleased(() -> encodeWhole(extension, HELLO));
        assertReleased(() -> extension.decode(FrameHeader.RSV1, ByteBuffer.allocate(1), true, sink));
    }

    @Test
    void releaseIsIdempotent() {
        PerMessageDeflate extension = deflate(false, false);
        encodeWhole(extension, HELLO);

        extension.release();
        extension.release();

        assertReleased(() -> encodeWhole(extension, HELLO));
        assertEquals(0, sink.calls());
    }

    @Test
    void negotiatedElementAndRsvBitsStayReadable() {
        PerMessageDeflate extension = deflate(false, false);
        extension.release();

        assertEquals("permessage-deflate", extension.negotiated().toHeaderValue());
        assertEquals(FrameHeader.RSV1, extension.rsvBits());
    }

    private static void assertReleased(Executable use) {
        assertEquals(RELEASED, assertThrows(IllegalStateException.class, use).getMessage());
    }
}
