package dev.tideway.websocket.protocol.extension;

import java.nio.ByteBuffer;

/**
 * The payload and RSV bits of one outbound data frame while it passes through the extension chain. The
 * connection owns one instance and reuses it under its send lock, so encoding allocates no holder.
 */
public final class OutboundPayload {
    private ByteBuffer payload;
    private int rsv;

    public void reset(ByteBuffer payload) {
        this.payload = payload;
        this.rsv = 0;
    }

    public ByteBuffer payload() {
        return payload;
    }

    public void payload(ByteBuffer payload) {
        this.payload = payload;
    }

    public int rsv() {
        return rsv;
    }

    public void addRsv(int bits) {
        this.rsv |= bits;
    }
}
