package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.compressible;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decode;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.deflate;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.encode;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.encodeWhole;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.extension.DeflateTestSupport.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One instance encodes as a peer would, another decodes: what goes in comes out. */
class PerMessageDeflateRoundTripTest {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    private final RecordingSink sink = new RecordingSink();

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("1 byte", new byte[] {42}),
                Arguments.of("text", "Grüße, 世界! ✓ permessage-deflate".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("16 KiB random", random(16 * KIB, 1)),
                Arguments.of("16 KiB compressible", compressible(16 * KIB)),
                Arguments.of("1 MiB random", random(MIB, 2)),
                Arguments.of("1 MiB compressible", compressible(MIB)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void singleFrameMessageRoundTrips(String name, byte[] message) throws Exception {
        List<Frame> frames = encode(deflate(false, false), message);

        assertTrue(frames.get(0).compressed(), "RSV1");
        assertArrayEquals(message, decode(deflate(false, false), frames, sink));
        assertEquals(1, sink.messageEnds());
        assertTrue(sink.largestChunk() <= PerMessageDeflateConfig.DEFAULTS.inflateChunkSize());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void singleFrameMessageRoundTripsWithoutCompression(String name, byte[] message) throws Exception {
        PerMessageDeflateConfig stored = PerMessageDeflateConfig.builder().compressionLevel(0).build();
        List<Frame> frames = encode(deflate(stored, false, false), message);

        assertArrayEquals(message, decode(deflate(false, false), frames, sink));
    }

    @Test
    void compressibleMessageShrinks() {
        byte[] message = compressible(16 * KIB);
        assertTrue(encodeWhole(deflate(false, false), message).length < message.length / 4);
    }

    @Test
    void fragmentedMessageRoundTripsWithRsv1OnTheFirstFrameOnly() throws Exception {
        byte[] message = compressible(100 * KIB);
        byte[][] fragments = {
                Arrays.copyOfRange(message, 0, 1),
                Arrays.copyOfRange(message, 1, 40 * KIB),
                new byte[0],
                Arrays.copyOfRange(message, 40 * KIB, 100 * KIB),
                new byte[0]};

        List<Frame> frames = encode(deflate(false, false), fragments);

        assertEquals(List.of(true, false, false, false, false),
                frames.stream().map(Frame::compressed).toList());
        assertArrayEquals(new byte[] {0}, frames.get(4).payload(), "an empty last fragment is 0x00");
        assertArrayEquals(message, decode(deflate(false, false), frames, sink));
        assertEquals(1, sink.messageEnds());
    }

    @ParameterizedTest(name = "no context takeover: {0}")
    @ValueSource(booleans = {false, true})
    void consecutiveMessagesRoundTrip(boolean noContextTakeover) throws Exception {
        PerMessageDeflate sender = deflate(noContextTakeover, false);
        PerMessageDeflate receiver = deflate(false, noContextTakeover);
        for (int i = 0; i < 20; i++) {
            byte[] message = i % 3 == 0 ? random(i * 100, i) : compressible(i * 700);
            List<Frame> frames = i % 2 == 0
                    ? encode(sender, message)
                    : encode(sender, Arrays.copyOfRange(message, 0, message.length / 2),
                            Arrays.copyOfRange(message, message.length / 2, message.length));
            assertArrayEquals(message, decode(receiver, frames, sink), "message " + i);
        }
        assertEquals(20, sink.messageEnds());
    }

    @Test
    void withContextTakeoverARepeatedMessageCompressesSmaller() {
        PerMessageDeflate sender = deflate(false, false);
        byte[] message = compressible(2 * KIB);
        int first = encodeWhole(sender, message).length;
        int second = encodeWhole(sender, message).length;
        assertTrue(second < first / 4, first + " then " + second);
    }

    @Test
    void withoutContextTakeoverARepeatedMessageCompressesTheSame() {
        PerMessageDeflate sender = deflate(true, false);
        byte[] message = compressible(2 * KIB);
        assertArrayEquals(encodeWhole(sender, message), encodeWhole(sender, message));
    }

    @Test
    void singleFrameMessageBelowMinCompressSizeIsSentAsItIs() {
        PerMessageDeflate sender = deflate(PerMessageDeflateConfig.builder().minCompressSize(100).build(), false, false);
        ByteBuffer payload = ByteBuffer.wrap(compressible(99));
        OutboundPayload fragment = new OutboundPayload();
        fragment.reset(payload);

        sender.encode(fragment, true, true);

        assertEquals(0, fragment.rsv());
        assertSame(payload, fragment.payload());
        assertEquals(0, payload.position());
    }

    @Test
    void singleFrameMessageOfMinCompressSizeIsCompressed() {
        PerMessageDeflate sender = deflate(PerMessageDeflateConfig.builder().minCompressSize(100).build(), false, false);
        assertTrue(encode(sender, compressible(100)).get(0).compressed());
    }

    @Test
    void fragmentedMessageIsCompressedWhateverItsSize() throws Exception {
        PerMessageDeflate sender = deflate(PerMessageDeflateConfig.builder().minCompressSize(100).build(), false, false);
        List<Frame> frames = encode(sender, new byte[] {1}, new byte[] {2});

        assertTrue(frames.get(0).compressed());
        assertArrayEquals(new byte[] {1, 2}, decode(deflate(false, false), frames, sink));
    }

    @Test
    void uncompressedMessageBetweenCompressedOnesLeavesTheWindowAlone() throws Exception {
        PerMessageDeflate sender = deflate(PerMessageDeflateConfig.builder().minCompressSize(10).build(), false, false);
        PerMessageDeflate receiver = deflate(false, false);
        byte[][] messages = {compressible(500), new byte[] {1, 2, 3}, compressible(500)};
        for (byte[] message : messages) {
            assertArrayEquals(message, decode(receiver, encode(sender, message), sink));
        }
    }

    @Test
    void chunksOfAnUncompressedMessagePassThroughOneByOne() throws Exception {
        PerMessageDeflate receiver = deflate(false, false);
        ByteBuffer first = ByteBuffer.wrap(new byte[] {1, 2});
        ByteBuffer last = ByteBuffer.wrap(new byte[] {3});
        PayloadSink expectSame = new PayloadSink() {
            int call;

            @Override
            public void onPayload(ByteBuffer chunk, boolean messageEnd) {
                assertSame(call == 0 ? first : last, chunk);
                assertEquals(call == 1, messageEnd);
                call++;
            }
        };

        receiver.decode(0, first, false, expectSame);
        receiver.decode(FrameHeader.RSV2, last, true, expectSame);
    }

    @Test
    void compressedMessageWithNoPayloadAtAllIsEmptyAndLeavesTheWindowAlone() throws Exception {
        PerMessageDeflate sender = deflate(false, false);
        PerMessageDeflate receiver = deflate(false, false);
        byte[] message = compressible(300);

        decode(receiver, encode(sender, message), sink);
        assertArrayEquals(new byte[0], decode(receiver, List.of(new Frame(FrameHeader.RSV1, new byte[0])), sink));
        assertArrayEquals(message, decode(receiver, encode(sender, message), sink));
        assertEquals(3, sink.messageEnds());
    }

    @Test
    void inflatedOutputOfEachFrameIsHandedOnBeforeTheNextFrame() throws Exception {
        List<Frame> frames = encode(deflate(false, false), compressible(100), compressible(100));
        PerMessageDeflate receiver = deflate(false, false);

        receiver.decode(FrameHeader.RSV1, ByteBuffer.wrap(frames.get(0).payload()), false, sink);

        assertArrayEquals(compressible(100), sink.takeBytes());
        assertEquals(0, sink.messageEnds());
    }

    @Test
    void continuationWithoutAMessageInProgressIsRejected() {
        OutboundPayload fragment = new OutboundPayload();
        fragment.reset(ByteBuffer.allocate(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> deflate(false, false).encode(fragment, false, true));
        assertEquals("A continuation fragment without a message in progress", e.getMessage());
    }

    @Test
    void newMessageInsideAnUnfinishedOneIsRejected() {
        PerMessageDeflate sender = deflate(false, false);
        OutboundPayload fragment = new OutboundPayload();
        fragment.reset(ByteBuffer.allocate(1));
        sender.encode(fragment, true, false);
        fragment.reset(ByteBuffer.allocate(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sender.encode(fragment, true, true));
        assertEquals("A new message while the previous one is unfinished", e.getMessage());
        assertEquals(0, fragment.rsv(), "no RSV1 on the rejected fragment");
    }
}
