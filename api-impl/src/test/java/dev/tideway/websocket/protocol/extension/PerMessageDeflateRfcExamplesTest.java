package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.HELLO;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decode;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decodeCompressed;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.deflate;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.encodeWhole;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.extension.DeflateTestSupport.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payload examples of RFC 7692 §7.2.3, both ways where our Deflater produces them. */
class PerMessageDeflateRfcExamplesTest {
    private static final String HELLO_COMPRESSED = "f2 48 cd c9 c9 07 00";
    private static final String HELLO_AGAIN_WITH_SHARED_WINDOW = "f2 00 11 00 00";

    private final RecordingSink sink = new RecordingSink();

    @Test
    void helloCompressesToTheBytesOfSection7_2_3_1() {
        assertEquals(HELLO_COMPRESSED, hex(encodeWhole(deflate(false, false), HELLO)));
    }

    @Test
    void helloOfSection7_2_3_1Decodes() throws Exception {
        assertArrayEquals(HELLO, decodeCompressed(deflate(false, false), hex(HELLO_COMPRESSED), sink));
        assertEquals(1, sink.messageEnds());
    }

    @Test
    void secondHelloUsesTheSharedWindowAsInSection7_2_3_2() {
        PerMessageDeflate sender = deflate(false, false);
        assertEquals(HELLO_COMPRESSED, hex(encodeWhole(sender, HELLO)));
        assertEquals(HELLO_AGAIN_WITH_SHARED_WINDOW, hex(encodeWhole(sender, HELLO)));
    }

    @Test
    void secondHelloWithoutContextTakeoverRepeatsTheFirstBytes() {
        PerMessageDeflate sender = deflate(true, false);
        assertEquals(HELLO_COMPRESSED, hex(encodeWhole(sender, HELLO)));
        assertEquals(HELLO_COMPRESSED, hex(encodeWhole(sender, HELLO)));
    }

    @Test
    void twoMessagesSharingTheWindowOfSection7_2_3_2Decode() throws Exception {
        PerMessageDeflate receiver = deflate(false, false);
        assertArrayEquals(HELLO, decodeCompressed(receiver, hex(HELLO_COMPRESSED), sink));
        assertArrayEquals(HELLO, decodeCompressed(receiver, hex(HELLO_AGAIN_WITH_SHARED_WINDOW), sink));
        assertEquals(2, sink.messageEnds());
    }

    @Test
    void storedBlockOfSection7_2_3_3Decodes() throws Exception {
        assertArrayEquals(HELLO, decodeCompressed(deflate(false, false), hex("00 05 00 fa ff 48 65 6c 6c 6f 00"), sink));
    }

    @Test
    void blockWithBfinalOfSection7_2_3_4DecodesAndTheNextMessageStartsAfresh() throws Exception {
        PerMessageDeflate receiver = deflate(false, false);
        assertArrayEquals(HELLO, decodeCompressed(receiver, hex("f3 48 cd c9 c9 07 00 00"), sink));
        // After a final block the sender's compressor started over, and so must the inflater.
        assertArrayEquals(HELLO, decodeCompressed(receiver, hex(HELLO_COMPRESSED), sink));
    }

    @Test
    void twoBlocksInOneMessageOfSection7_2_3_5Decode() throws Exception {
        assertArrayEquals(HELLO, decodeCompressed(deflate(false, false),
                hex("f2 48 05 00 00 00 ff ff ca c9 c9 07 00"), sink));
    }

    @Test
    void lastFragmentHoldingOnlyTheEmptyBlockHeaderOfSection7_2_3_6Decodes() throws Exception {
        // "Hello" flushed in a first fragment, then a last fragment that is the single byte 0x00.
        List<Frame> frames = List.of(
                new Frame(FrameHeader.RSV1, hex("f2 48 cd c9 c9 07 00 00 00 ff ff")),
                new Frame(0, hex("00")));
        assertArrayEquals(HELLO, decode(deflate(false, false), frames, sink));
        assertEquals(1, sink.messageEnds());
    }

    @Test
    void emptyMessageCompressesToTheSingleByteOfSection7_2_3_6() {
        PerMessageDeflate sender = deflate(false, false);
        assertEquals("00", hex(encodeWhole(sender, new byte[0])));
        encodeWhole(sender, HELLO);
        // After a flush with no new input zlib writes nothing at all; the rule still gives 0x00.
        assertEquals("00", hex(encodeWhole(sender, new byte[0])));
    }

    @Test
    void compressedDataMayBeSplitAnywhereAcrossFrames() throws Exception {
        List<Frame> frames = List.of(
                new Frame(FrameHeader.RSV1, hex("f2")),
                new Frame(0, hex("48 cd c9")),
                new Frame(0, hex("")),
                new Frame(0, hex("c9 07 00")));
        assertArrayEquals(HELLO, decode(deflate(false, false), frames, sink));
        assertEquals(1, sink.messageEnds());
    }
}
