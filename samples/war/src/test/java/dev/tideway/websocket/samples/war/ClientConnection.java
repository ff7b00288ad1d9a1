package dev.tideway.websocket.samples.war;

/**
 * One WebSocket connection of a test client, whatever its implementation: whole messages arrive as
 * {@code String} (text) or {@code byte[]} (binary), in order.
 */
interface ClientConnection extends AutoCloseable {
    /** How long a test waits for a message or a close. */
    long TIMEOUT_SECONDS = 10;

    /** The close frame the server sent. */
    record Closing(int code, String reason) {
    }

    void sendText(String text) throws Exception;

    void sendBinary(byte[] bytes) throws Exception;

    /** What arrived on this connection. */
    Received received();

    /** The next whole message; fails when none arrives within {@link #TIMEOUT_SECONDS}. */
    default Object next() throws InterruptedException {
        return received().next();
    }

    /** The server's close frame; fails when none arrives within {@link #TIMEOUT_SECONDS}. */
    default Closing closing() throws Exception {
        return received().closing();
    }

    /** Closes normally from this side (nothing happens when the server closed first). */
    @Override
    void close() throws Exception;
}
