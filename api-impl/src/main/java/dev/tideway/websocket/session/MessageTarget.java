package dev.tideway.websocket.session;

/**
 * Where a message ends up once its bytes are in: a registered message handler (or an annotated
 * {@code @OnMessage} method behind one), including the conversion from the native value to the type the
 * handler declared. Called on the session's callback thread.
 */
@FunctionalInterface
interface MessageTarget {
    /**
     * @param value the native value: a {@code String} or {@code ByteBuffer} (whole or a part), a
     *              {@code Reader} or {@code InputStream} (a stream), or a {@code PongMessage}
     * @param last  whether this ends the message (always true but for parts)
     */
    void deliver(Object value, boolean last) throws Throwable;
}
