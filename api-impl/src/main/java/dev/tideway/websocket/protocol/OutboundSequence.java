package dev.tideway.websocket.protocol;

/**
 * The order of outbound data frames: the sending twin of {@link InboundSequence}. A message sent in parts
 * goes out as its opcode followed by CONTINUATION frames; starting another message before the last part
 * is a programming error of the caller. Used under the connection's send lock.
 */
final class OutboundSequence {
    /** Opcode of the message being sent in parts, or -1 between messages. */
    private int messageOpcode = -1;

    boolean inMessage() {
        return messageOpcode >= 0;
    }

    /**
     * Records that one part of a message of {@code opcode} (TEXT or BINARY) is sent.
     *
     * @return the opcode its first frame carries on the wire: the message's own, or CONTINUATION
     * @throws IllegalStateException when a message of the other type is still unfinished
     */
    int nextPart(int opcode, boolean last) {
        int wireOpcode;
        if (messageOpcode < 0) {
            wireOpcode = opcode;
            messageOpcode = opcode;
        } else if (messageOpcode == opcode) {
            wireOpcode = OpCode.CONTINUATION;
        } else {
            throw new IllegalStateException("Cannot send a " + OpCode.name(opcode) + " message while a "
                    + OpCode.name(messageOpcode) + " message is being sent in parts");
        }
        if (last) {
            messageOpcode = -1;
        }
        return wireOpcode;
    }
}
