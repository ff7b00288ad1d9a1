package dev.tideway.websocket.session;

import jakarta.websocket.PongMessage;
import java.nio.ByteBuffer;

/** A received pong: its application data, read-only. */
record TidewayPongMessage(ByteBuffer data) implements PongMessage {
    TidewayPongMessage {
        data = data.asReadOnlyBuffer();
    }

    @Override
    public ByteBuffer getApplicationData() {
        return data.duplicate();
    }
}
