package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import java.nio.ByteBuffer;

/**
 * The listener a connection is built with, filled in once the connection exists: the test behaviours
 * need the connection to answer through. Reading starts only after it is filled in.
 */
final class ListenerSlot implements ConnectionListener {
    private volatile ConnectionListener delegate;

    void set(ConnectionListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        delegate.onText(utf8, last);
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        delegate.onBinary(data, last);
    }

    @Override
    public void onPing(ByteBuffer payload) {
        delegate.onPing(payload);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        delegate.onPong(payload);
    }

    @Override
    public void onError(Throwable cause) {
        delegate.onError(cause);
    }

    @Override
    public void onClosed(CloseStatus status) {
        delegate.onClosed(status);
    }
}
