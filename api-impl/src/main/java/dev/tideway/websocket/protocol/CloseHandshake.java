package dev.tideway.websocket.protocol;

/**
 * The closing handshake of RFC 6455 §7 as an explicit state machine. It only decides; the connection acts.
 *
 * <pre>
 *            send close              receive close
 *   OPEN ─────────────────► CLOSE_SENT ──────────────► CLOSED
 *     │                                                  ▲
 *     │ receive close                  send (echo) close │
 *     └───────────────────► CLOSE_RECEIVED ──────────────┘
 *
 *   any state ── transport ends / close timeout / connection failed ──► CLOSED
 * </pre>
 *
 * Data may be sent only while OPEN; once our close frame is queued nothing else is. The outcome reported
 * upward is the peer's status when its close frame arrived, else the status we failed the connection with,
 * else 1006 (RFC 6455 §7.1.5). Thread-safe.
 */
final class CloseHandshake {

    enum State {
        OPEN,
        CLOSE_SENT,
        CLOSE_RECEIVED,
        CLOSED
    }

    private State state = State.OPEN;
    private CloseStatus received;
    private CloseStatus failedWith;

    synchronized State state() {
        return state;
    }

    synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    /** Whether we still may (and must) send a close frame: nothing of ours has been sent yet. */
    synchronized boolean canSendClose() {
        return state == State.OPEN || state == State.CLOSE_RECEIVED;
    }

    /**
     * We are sending our close frame. Returns false when one was already sent (or the connection is
     * gone), in which case nothing must be sent.
     */
    synchronized boolean onSendClose() {
        switch (state) {
            case OPEN -> state = State.CLOSE_SENT;
            case CLOSE_RECEIVED -> state = State.CLOSED;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** What the arrival of the peer's close frame asks of the connection. */
    enum Reaction {
        /** The peer started the handshake: echo its close, then the handshake is complete. */
        ECHO,
        /** The peer answered our close: the handshake is complete. */
        COMPLETE,
        /** The connection had already ended: nothing to do. */
        IGNORE
    }

    /** The peer's close frame arrived. */
    synchronized Reaction onReceiveClose(CloseStatus status) {
        switch (state) {
            case OPEN -> {
                state = State.CLOSE_RECEIVED;
                received = status;
                return Reaction.ECHO;
            }
            case CLOSE_SENT -> {
                state = State.CLOSED;
                received = status;
                return Reaction.COMPLETE;
            }
            default -> {
                return Reaction.IGNORE;
            }
        }
    }

    /** We fail the connection with this status (RFC 6455 §7.1.7); it is reported unless a close arrived. */
    synchronized void onFail(CloseStatus status) {
        if (failedWith == null && received == null) {
            failedWith = status;
        }
    }

    /** The connection ends, whatever state the handshake was in. */
    synchronized void terminate() {
        state = State.CLOSED;
    }

    /** The status to report when the connection is over. */
    synchronized CloseStatus outcome() {
        if (received != null) {
            return received;
        }
        return failedWith != null ? failedWith : CloseStatus.ABNORMAL;
    }
}
