package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.deflate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseCodes;
import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small compressed message that inflates to 64 MiB: the output must come in bounded chunks, and a sink
 * that refuses more (as the message-size limit does, with 1009) must stop the inflation at once.
 */
class PerMessageDeflateBombTest {
    private static final int INFLATED_SIZE = 64 * 1024 * 1024;
    private static final int CHUNK_SIZE = 16 * 1024;
    private static final int WIRE_CHUNK = 4096;

    private static byte[] bomb;

    @BeforeAll
    static void compressZeros() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1024 * 1024];
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        for (int i = 0; i < INFLATED_SIZE / zeros.length; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            compressed.write(buffer, 0, n);
        }
        deflater.end();
        byte[] flushed = compressed.toByteArray();
        bomb = Arrays.copyOf(flushed, flushed.length - 4); // without 00 00 ff ff
    }

    @Test
    void bombIsSmall() {
        assertTrue(bomb.length < 128 * 1024, "compressed size " + bomb.length);
    }

    @Test
    void inflatedBombArrivesInChunksNoLargerThanTheConfiguredSize() throws Exception {
        CountingSink sink = new CountingSink(Long.MAX_VALUE);
        feed(deflate(false, false), sink);

        assertEquals(INFLATED_SIZE, sink.total);
        assertTrue(sink.largest <= CHUNK_SIZE, "largest chunk " + sink.largest);
        assertEquals(1, sink.messageEnds);
    }

    @Test
    void sinkRefusingMoreStopsTheInflationWithinOneChunk() {
        long limit = 1024 * 1024;
        CountingSink sink = new CountingSink(limit);

        ProtocolException e = assertThrows(ProtocolException.class, () -> feed(deflate(false, false), sink));

        assertEquals(CloseCodes.MESSAGE_TOO_BIG, e.closeCode());
        assertTrue(sink.total <= limit + CHUNK_SIZE, "produced " + sink.total);
        assertEquals(0, sink.messageEnds);
    }

    private static void feed(PerMessageDeflate receiver, PayloadSink sink) throws ProtocolException {
        for (int offset = 0; offset < bomb.length; offset += WIRE_CHUNK) {
            int length = Math.min(WIRE_CHUNK, bomb.length - offset);
            receiver.decode(FrameHeader.RSV1, ByteBuffer.wrap(bomb, offset, length),
                    offset + length == bomb.length, sink);
        }
    }

    /** Counts bytes and, like the message assembler's limit, throws 1009 past {@code limit}. */
    private static final class CountingSink implements PayloadSink {
        private final long limit;
        long total;
        int largest;
        int messageEnds;

        CountingSink(long limit) {
            this.limit = limit;
        }

        @Override
        public void onPayload(ByteBuffer chunk, boolean messageEnd) throws ProtocolException {
            total += chunk.remaining();
            largest = Math.max(largest, chunk.remaining());
            if (total > limit) {
                throw ProtocolException.tooBig("Message over " + limit + " bytes");
            }
            if (messageEnd) {
                messageEnds++;
            }
        }
    }
}
