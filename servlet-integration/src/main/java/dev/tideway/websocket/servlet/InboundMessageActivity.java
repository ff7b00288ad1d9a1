package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import java.nio.ByteBuffer;

/**
 * Hands everything on to the session's listener, and reports each inbound text or binary chunk to
 * {@code activity} first. Control frames do not count: a client library's automatic pings are no sign of
 * a user at work.
 */
final class InboundMessageActivity implements ConnectionListener {
    private final ConnectionListener session;
    private final Runnable activity;

    InboundMessageActivity(ConnectionListener session, Runnable activity) {
        this.session = session;
        this.activity = activity;
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        activity.run();
        session.onText(utf8, last);
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        activity.run();
        session.onBinary(data, last);
    }

    @Override
    public void onPing(ByteBuffer payload) {
        session.onPing(payload);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        session.onPong(payload);
    }

    @Override
    public void onError(Throwable cause) {
        session.onError(cause);
    }

    @Override
    public void onClosed(CloseStatus status) {
        session.onClosed(status);
    }
}
