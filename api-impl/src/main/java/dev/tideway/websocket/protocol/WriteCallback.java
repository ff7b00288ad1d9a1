package dev.tideway.websocket.protocol;

/**
 * Told once when a write has finished: the bytes were accepted by the transport, or they never will be.
 */
public interface WriteCallback {
    WriteCallback NOOP = new WriteCallback() {
        @Override
        public void completed() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    void completed();

    void failed(Throwable cause);
}
