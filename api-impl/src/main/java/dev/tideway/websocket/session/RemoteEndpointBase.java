package dev.tideway.websocket.session;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;

/** What the {@code Basic} and {@code Async} remotes of a session share: batching, ping and pong. */
abstract class RemoteEndpointBase implements RemoteEndpoint {
    final TidewaySession session;
    final SessionSender sender;

    RemoteEndpointBase(TidewaySession session, SessionSender sender) {
        this.session = session;
        this.sender = sender;
    }

    @Override
    public void setBatchingAllowed(boolean allowed) throws IOException {
        sender.batching(allowed);
    }

    @Override
    public boolean getBatchingAllowed() {
        return sender.batching();
    }

    @Override
    public void flushBatch() throws IOException {
        sender.flushBatch();
    }

    @Override
    public void sendPing(ByteBuffer applicationData) throws IOException, IllegalArgumentException {
        sendControl(applicationData, true);
    }

    @Override
    public void sendPong(ByteBuffer applicationData) throws IOException, IllegalArgumentException {
        sendControl(applicationData, false);
    }

    /** Pings and pongs wait for the write: they are tiny, and a caller probing liveness wants to know. */
    private void sendControl(ByteBuffer data, boolean ping) throws IOException {
        session.checkNotClosed();
        try {
            sender.await(callback -> {
                if (ping) {
                    sender.ping(data, callback);
                } else {
                    sender.pong(data, callback);
                }
            }, session.blockingSendTimeoutMillis());
        } catch (EncodeException impossible) {
            throw new IllegalStateException("a ping or pong encodes nothing", impossible);
        }
    }
}
