package dev.tideway.websocket.protocol;

import java.io.IOException;

/**
 * A send was refused because the peer is not reading fast enough: the bytes already waiting for it reached
 * {@link ProtocolSettings#maxQueuedBytes()}. The connection stays usable; the message was not sent at all.
 */
public class SendQueueFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public SendQueueFullException(long queued, long adding, long limit) {
        super("Outbound queue full: " + queued + " bytes wait for the peer, " + adding
                + " more would pass the limit of " + limit);
    }
}
