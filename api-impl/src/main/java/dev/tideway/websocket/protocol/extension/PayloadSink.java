package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.ProtocolException;
import java.nio.ByteBuffer;

/** Receives the payload of an inbound data message, chunk by chunk, after an extension has decoded it. */
@FunctionalInterface
public interface PayloadSink {
    /**
     * @param chunk      decoded bytes, valid only during this call
     * @param messageEnd whether this chunk ends the message
     */
    void onPayload(ByteBuffer chunk, boolean messageEnd) throws ProtocolException;
}
