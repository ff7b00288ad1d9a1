package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * permessage-deflate (RFC 7692 §7) on one connection, as negotiated by {@link PerMessageDeflateFactory}.
 * A message whose first frame has RSV1 set is compressed as a whole; other messages pass untouched.
 *
 * <p>The inbound and outbound directions are independent halves ({@code MessageInflater},
 * {@code MessageDeflater}) that share no state, as {@link Extension} requires. Inflated payload goes on in
 * chunks of at most {@link PerMessageDeflateConfig#inflateChunkSize()} bytes, never as a whole message,
 * so the downstream message-size limit stops a compression bomb early.
 *
 * <p>{@link #release()} frees the native memory of the zlib streams; {@link #decode} and {@link #encode}
 * throw {@link IllegalStateException} afterwards.
 */
public final class PerMessageDeflate implements Extension {
    private final ExtensionOffer negotiated;
    private final MessageInflater inbound;
    private final MessageDeflater outbound;
    private volatile boolean released;

    /**
     * @param negotiated                the response element that accepted the extension
     * @param outboundNoContextTakeover whether this side's compressor forgets its window after each message
     * @param inboundNoContextTakeover  whether the peer's compressor does, so this side's decompressor may
     */
    PerMessageDeflate(ExtensionOffer negotiated, boolean outboundNoContextTakeover,
                      boolean inboundNoContextTakeover, PerMessageDeflateConfig config) {
        this.negotiated = negotiated;
        this.inbound = new MessageInflater(inboundNoContextTakeover, config.inflateChunkSize());
        this.outbound = new MessageDeflater(config.compressionLevel(), outboundNoContextTakeover,
                config.minCompressSize());
    }

    @Override
    public ExtensionOffer negotiated() {
        return negotiated;
    }

    @Override
    public int rsvBits() {
        return FrameHeader.RSV1;
    }

    /**
     * Inflates a message whose first frame had RSV1 set; passes any other chunk on as it is.
     *
     * @throws ProtocolException 1007 when the compressed data is corrupt, or whatever {@code next} throws
     */
    @Override
    public void decode(int messageRsv, ByteBuffer chunk, boolean messageEnd, PayloadSink next)
            throws ProtocolException {
        ensureNotReleased();
        if ((messageRsv & FrameHeader.RSV1) == 0) {
            next.onPayload(chunk, messageEnd);
        } else {
            inbound.inflate(chunk, messageEnd, next);
        }
    }

    /**
     * Compresses the fragments of a message unless it is a single frame shorter than
     * {@link PerMessageDeflateConfig#minCompressSize()}; sets RSV1 on the first fragment of a compressed
     * message. A compressed fragment gets a new heap payload; the original payload buffer is consumed.
     *
     * @throws IllegalStateException when fragments come out of order (a start inside a message, or a
     *                               continuation outside one), or after {@link #release()}
     */
    @Override
    public void encode(OutboundPayload fragment, boolean messageStart, boolean messageEnd) {
        ensureNotReleased();
        outbound.encode(fragment, messageStart, messageEnd);
    }

    /** Ends both zlib streams. Must follow the last {@code decode}/{@code encode} call; idempotent. */
    @Override
    public void release() {
        released = true;
        inbound.release();
        outbound.release();
    }

    private void ensureNotReleased() {
        if (released) {
            throw new IllegalStateException("permessage-deflate has been released");
        }
    }

    @Override
    public String toString() {
        return "PerMessageDeflate[" + negotiated.toHeaderValue() + "]";
    }
}
