package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.ProtocolException;
import java.nio.ByteBuffer;

/**
 * One negotiated extension on one connection (RFC 6455 §9). Created by an {@link ExtensionFactory} during
 * the handshake and released when the connection ends.
 *
 * <p>Threading: {@link #decode} is called by the connection's reading thread, one call at a time;
 * {@link #encode} is called under the connection's send lock, in the exact order the frames go on the
 * wire (stateful extensions such as permessage-deflate with context takeover depend on it). The two sides
 * may run at the same time and must not share mutable state. {@link #release} may be called from any
 * thread, once the connection has ended, and must be idempotent.
 */
public interface Extension {

    /** The extension as negotiated: the element of the handshake response that accepted it. */
    ExtensionOffer negotiated();

    /** The RSV bits ({@code FrameHeader.RSV1} and so on) this extension gives a meaning to. */
    int rsvBits();

    /**
     * Inbound: transforms one chunk of a data message's payload and passes the result on.
     *
     * @param messageRsv the RSV bits of the message's first frame; an extension passes the chunk through
     *                   untouched when its bits are not set
     * @param chunk      payload bytes, valid only during this call
     * @param messageEnd whether this chunk ends the message (it may be empty)
     * @param next       where the transformed payload goes; it must be told {@code messageEnd} exactly once
     */
    void decode(int messageRsv, ByteBuffer chunk, boolean messageEnd, PayloadSink next)
            throws ProtocolException;

    /**
     * Outbound: transforms one fragment of a message in place: may replace its payload and set RSV bits.
     * Called for data frames only, never for control frames.
     */
    void encode(OutboundPayload fragment, boolean messageStart, boolean messageEnd);

    /** Frees what the extension holds (for example a {@code Deflater}'s native memory). Idempotent. */
    void release();
}
