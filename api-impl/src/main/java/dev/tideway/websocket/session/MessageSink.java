package dev.tideway.websocket.session;

import java.nio.ByteBuffer;

/**
 * Takes the chunks of inbound messages of one native type on the reading thread and turns them into
 * deliveries on the session's callback thread: whole, in parts, or as a stream. One sink serves one
 * registered handler, message after message.
 */
interface MessageSink {
    /** One chunk of the current message; the buffer is valid only during the call. */
    void onChunk(ByteBuffer chunk, boolean last);

    /** The connection ended in the middle of a message: release whatever the message holds. */
    default void abort() {
    }
}
