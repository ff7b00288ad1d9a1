package dev.tideway.websocket.protocol;

/**
 * The order of inbound data frames (RFC 6455 §5.4): a message is a TEXT or BINARY frame followed by
 * CONTINUATION frames up to the one with FIN set. Control frames may come in between and are not seen
 * here. Tracks the message in progress and rejects frames that break the order.
 */
final class InboundSequence {
    /** Opcode of the message in progress, or -1 between messages. */
    private int messageOpcode = -1;
    private int messageRsv;

    /**
     * Checks the header of a data frame before its payload is read, and records the start of a message.
     *
     * @return whether this frame starts a new message
     */
    boolean onFrameStart(FrameHeader header) throws ProtocolException {
        int opcode = header.opcode();
        if (opcode == OpCode.CONTINUATION) {
            if (messageOpcode < 0) {
                throw ProtocolException.protocolError("Continuation frame without a message to continue");
            }
            if (header.rsv() != 0) {
                // extensions give RSV bits a meaning per message, on its first frame only (RFC 7692 §6.1)
                throw ProtocolException.protocolError("RSV bits set on a continuation frame");
            }
            return false;
        }
        if (messageOpcode >= 0) {
            throw ProtocolException.protocolError(OpCode.name(opcode)
                    + " frame while a fragmented " + OpCode.name(messageOpcode) + " message is unfinished");
        }
        messageOpcode = opcode;
        messageRsv = header.rsv();
        return true;
    }

    /** The current frame was the message's last (its FIN bit was set) and its payload has been read. */
    void onMessageEnd() {
        messageOpcode = -1;
        messageRsv = 0;
    }

    /** TEXT or BINARY: the opcode of the message in progress. */
    int messageOpcode() {
        return messageOpcode;
    }

    /** The RSV bits of the message's first frame, which say which extensions transformed it. */
    int messageRsv() {
        return messageRsv;
    }
}
