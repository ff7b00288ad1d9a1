package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact bytes the generator writes (§5.2), client masking (§5.3) and argument validation. */
class FrameGeneratorTest {
    private static final HexFormat HEX = HexFormat.of();

    private final FrameGenerator server = new FrameGenerator(Role.SERVER, null);
    private final FrameGenerator client = new FrameGenerator(Role.CLIENT, MaskKeyGenerator.newSeeded());

    @ParameterizedTest
    @CsvSource({
        "0, 8200",
        "1, 8201",
        "125, 827d",
        "126, 827e007e",
        "65535, 827effff",
        "65536, 827f0000000000010000",
        "4294967301, 827f0000000100000005",
        "9223372036854775807, 827f7fffffffffffffff"})
    void aServerWritesTheMinimalLengthEncoding(long length, String header) {
        ByteBuffer dst = ByteBuffer.allocate(FrameGenerator.MAX_HEADER_LENGTH);

        assertEquals(0, server.writeHeader(dst, true, 0, OpCode.BINARY, length));

        assertEquals(header, written(dst));
        assertEquals(header.length() / 2, server.headerLength(length));
    }

    @ParameterizedTest
    @CsvSource({
        // fin, rsv, opcode, first byte
        "true, 0, 0, 80", "false, 0, 0, 00", "false, 4, 1, 41", "true, 7, 2, f2",
        "true, 1, 0, 90", "true, 2, 1, a1", "true, 0, 8, 88", "true, 0, 9, 89", "true, 0, 10, 8a"})
    void theFirstByteCarriesFinRsvAndOpcode(boolean fin, int rsv, int opcode, String firstByte) {
        ByteBuffer dst = ByteBuffer.allocate(FrameGenerator.MAX_HEADER_LENGTH);

        server.writeHeader(dst, fin, rsv, opcode, 3);

        assertEquals(firstByte + "03", written(dst));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 80", "125, fd", "126, fe007e", "65535, feffff", "65536, ff0000000000010000"})
    void aClientSetsTheMaskBitAndWritesTheKeyItReturns(long length, String lengthBytes) {
        ByteBuffer dst = ByteBuffer.allocate(FrameGenerator.MAX_HEADER_LENGTH);

        int key = client.writeHeader(dst, true, 0, OpCode.TEXT, length);

        assertEquals("81" + lengthBytes + String.format("%08x", key), written(dst));
        assertEquals(dst.position(), client.headerLength(length));
    }

    @Test
    void aClientDrawsAFreshKeyForEveryFrame() {
        Set<Integer> keys = new HashSet<>();
        ByteBuffer dst = ByteBuffer.allocate(FrameGenerator.MAX_HEADER_LENGTH);
        for (int i = 0; i < 64; i++) {
            keys.add(client.writeHeader(dst.clear(), true, 0, OpCode.BINARY, 10));
        }
        assertEquals(64, keys.size());
    }

    @ParameterizedTest
    @CsvSource({"0, 2, 6", "125, 2, 6", "126, 4, 8", "65535, 4, 8", "65536, 10, 14", "9223372036854775807, 10, 14"})
    void headerLengthDependsOnTheLengthEncodingAndTheRole(long length, int serverLength, int clientLength) {
        assertEquals(serverLength, server.headerLength(length));
        assertEquals(clientLength, client.headerLength(length));
    }

    @Test
    void aLittleEndianBufferStillGetsNetworkByteOrder() {
        ByteBuffer dst = ByteBuffer.allocateDirect(FrameGenerator.MAX_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);

        server.writeHeader(dst, true, 0, OpCode.BINARY, 65536 + 258);

        assertEquals("827f0000000000010102", written(dst));
    }

    @Test
    void aServerFrameIsTheHeaderThenThePayloadAsItIs() {
        ByteBuffer payload = ByteBuffer.wrap("hi".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer dst = ByteBuffer.allocate(16);

        server.writeFrame(dst, true, 0, OpCode.PING, payload);

        assertEquals("89026869", written(dst));
        assertEquals(2, payload.position());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 125, 126, 1000})
    void aClientFrameIsMaskedWithTheKeyInItsHeaderAndLeavesTheSourceAlone(int length) {
        byte[] plain = new byte[length];
        Arrays.fill(plain, (byte) 'x');
        ByteBuffer payload = ByteBuffer.allocateDirect(length).put(plain).flip();
        ByteBuffer dst = ByteBuffer.allocate(client.headerLength(length) + length);

        client.writeFrame(dst, true, 0, OpCode.BINARY, payload);

        byte[] frame = Arrays.copyOf(dst.array(), dst.position());
        int headerLength = client.headerLength(length);
        assertEquals(frame.length, headerLength + length);
        assertEquals(0x80, frame[1] & 0x80, "MASK bit");
        int key = ByteBuffer.wrap(frame, headerLength - 4, 4).getInt();
        assertArrayEquals(plain, referenceUnmask(Arrays.copyOfRange(frame, headerLength, frame.length), key));
        assertEquals(length, payload.position());
        for (int i = 0; i < length; i++) {
            assertEquals('x', payload.get(i), "source payload byte " + i);
        }
    }

    @Test
    void reservedOpcodesAreRefused() {
        assertInvalid(3, "not a defined opcode: RESERVED(0x3)", dst -> server.writeHeader(dst, true, 0, 3, 0));
        assertInvalid(3, "not a defined opcode: RESERVED(0xb)", dst -> server.writeHeader(dst, true, 0, 0xB, 0));
        assertInvalid(3, "not a defined opcode: RESERVED(0x10)", dst -> client.writeHeader(dst, true, 0, 16, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 8})
    void rsvOutsideZeroToSevenIsRefused(int rsv) {
        assertInvalid(3, "RSV bits must be within 0-7: " + rsv,
                dst -> server.writeHeader(dst, true, rsv, OpCode.TEXT, 0));
    }

    @Test
    void controlFramesMustBeFinalWithoutRsvAndAtMost125Bytes() {
        assertInvalid(3, "PING frame must not be fragmented",
                dst -> client.writeHeader(dst, false, 0, OpCode.PING, 0));
        assertInvalid(3, "CLOSE frame must not carry RSV bits",
                dst -> server.writeHeader(dst, true, FrameHeader.RSV1, OpCode.CLOSE, 2));
        assertInvalid(3, "PONG frame payload of 126 bytes exceeds 125",
                dst -> server.writeHeader(dst, true, 0, OpCode.PONG, 126));
        assertInvalid(200, "PONG frame payload of 126 bytes exceeds 125",
                dst -> client.writeFrame(dst, true, 0, OpCode.PONG, ByteBuffer.allocate(126)));
    }

    @Test
    void aNegativeLengthIsRefused() {
        assertInvalid(3, "negative payload length: -1", dst -> server.writeHeader(dst, true, 0, OpCode.TEXT, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.headerLength(-1));
        assertEquals("negative payload length: -1", e.getMessage());
    }

    @Test
    void nothingIsWrittenWithoutRoomForAllOfIt() {
        ByteBuffer header = ByteBuffer.allocate(server.headerLength(126) - 1);
        assertThrows(BufferOverflowException.class, () -> server.writeHeader(header, true, 0, OpCode.TEXT, 126));
        assertEquals(0, header.position());

        ByteBuffer frame = ByteBuffer.allocate(client.headerLength(3) + 2);
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {1, 2, 3});
        assertThrows(BufferOverflowException.class, () -> client.writeFrame(frame, true, 0, OpCode.PING, payload));
        assertEquals(0, frame.position());
        assertEquals(0, payload.position());
    }

    @Test
    void aClientNeedsAMaskKeyGenerator() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new FrameGenerator(Role.CLIENT, null));
        assertEquals("maskKeys", e.getMessage());
    }

    private interface Write {
        void into(ByteBuffer dst);
    }

    /** Asserts the write fails with this message and leaves a buffer of {@code capacity} untouched. */
    private static void assertInvalid(int capacity, String message, Write write) {
        ByteBuffer dst = ByteBuffer.allocate(capacity);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write.into(dst));
        assertEquals(message, e.getMessage());
        assertEquals(0, dst.position());
    }

    private static String written(ByteBuffer dst) {
        byte[] bytes = new byte[dst.position()];
        dst.get(0, bytes);
        return HEX.formatHex(bytes);
    }

    /** §5.3 spelled out byte by byte, independently of {@link Masker}. */
    private static byte[] referenceUnmask(byte[] masked, int key) {
        byte[] plain = new byte[masked.length];
        for (int i = 0; i < masked.length; i++) {
            plain[i] = (byte) (masked[i] ^ (key >>> (8 * (3 - i % 4))));
        }
        return plain;
    }
}
