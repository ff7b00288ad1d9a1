package dev.tideway.websocket.codec;

/** How a message reaches an {@code @OnMessage} method. */
public enum DeliveryMode {
    /**
     * The whole message in one call: String, ByteBuffer, byte[], PongMessage, a primitive converted from text, or an
     * object made by a decoder (the session buffers the message and runs the decoders).
     */
    WHOLE,
    /**
     * The message in parts, one call per part, with a boolean that is true on the last part: String, ByteBuffer or
     * byte[] only.
     */
    PARTIAL,
    /** One call per message with a blocking stream over it: Reader for text, InputStream for binary. */
    STREAM
}
