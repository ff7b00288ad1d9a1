package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.CloseCodes;
import dev.tideway.websocket.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The inbound half of permessage-deflate: inflates the payload of compressed messages (RFC 7692 §7.2.2)
 * as it arrives and hands the result on in chunks of at most {@code chunkSize} bytes, all from one reused
 * buffer. The whole message is never held, so a compression bomb runs into the downstream message-size
 * limit (which fails the connection with 1009) after at most one more chunk: a sink that throws stops the
 * inflation at once.
 *
 * <p>The {@link Inflater} and the buffer are created with the first compressed message, so a connection
 * that never receives one holds neither.
 */
final class MessageInflater {
    /** The LEN/NLEN of the empty stored block the sender removed (§7.2.1); the receiver puts it back. */
    private static final byte[] SYNC_TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private final boolean noContextTakeover;
    private final int chunkSize;

    private Inflater inflater;
    private ByteBuffer output;
    private ByteBuffer tail;
    /** Whether the message in progress has had any payload byte yet. */
    private boolean messageHasData;

    /**
     * @param noContextTakeover whether the peer's compressor starts afresh with every message, so that this
     *                          side may forget its window between messages
     */
    MessageInflater(boolean noContextTakeover, int chunkSize) {
        this.noContextTakeover = noContextTakeover;
        this.chunkSize = chunkSize;
    }

    /** Inflates one chunk of a compressed message; tells {@code next} the message end exactly once. */
    void inflate(ByteBuffer chunk, boolean messageEnd, PayloadSink next) throws ProtocolException {
        allocateOnFirstUse();
        if (chunk.hasRemaining()) {
            messageHasData = true;
            inflateAll(chunk, next);
        }
        if (!messageEnd) {
            // Hand on what this chunk produced now rather than when the buffer fills: a reader of partial
            // messages should not wait for data that has already arrived.
            if (output.position() > 0) {
                emit(next, false);
            }
            return;
        }
        // A message without any payload byte carries no DEFLATE data at all (the RFC's empty message is
        // the single byte 0x00, §7.2.3.6). Appending the tail to nothing would leave the inflater inside a
        // stored block header and corrupt the next message under context takeover, so skip it.
        if (messageHasData) {
            tail.clear();
            inflateAll(tail, next);
        }
        emit(next, true);
        messageHasData = false;
        if (noContextTakeover) {
            inflater.reset();
        }
    }

    private void allocateOnFirstUse() {
        if (inflater == null) {
            inflater = new Inflater(true);
            output = ByteBuffer.allocate(chunkSize);
            tail = ByteBuffer.wrap(SYNC_TAIL);
        }
    }

    /** Inflates all of {@code input}, handing on every full buffer; a partly filled one stays for later. */
    private void inflateAll(ByteBuffer input, PayloadSink next) throws ProtocolException {
        inflater.setInput(input);
        while (true) {
            try {
                inflater.inflate(output);
            } catch (DataFormatException e) {
                throw corrupt(e);
            }
            if (!output.hasRemaining()) {
                emit(next, false);
            } else if (inflater.finished()) {
                // A block with BFINAL set ends the DEFLATE stream (§7.2.3.4); what follows, at least the
                // appended tail, starts a new one. A sender that finished its stream must start a new
                // compressor too, which knows no earlier data, so forgetting our window loses nothing.
                inflater.reset();
                if (!input.hasRemaining()) {
                    return;
                }
                inflater.setInput(input);
            } else {
                // Inflater stops short of a full buffer only when it has used up its input.
                return;
            }
        }
    }

    private void emit(PayloadSink next, boolean messageEnd) throws ProtocolException {
        output.flip();
        next.onPayload(output, messageEnd);
        output.clear();
    }

    /**
     * Data that cannot be decompressed fails the connection (RFC 7692). 1007 says why: the payload is not
     * consistent with the type of the message (RFC 6455 §7.4.1), here the compressed form RSV1 announced.
     * 1002 would blame the framing, which was fine.
     */
    private static ProtocolException corrupt(DataFormatException e) {
        return new ProtocolException(CloseCodes.INVALID_PAYLOAD_DATA,
                "Corrupt permessage-deflate data: " + e.getMessage(), e);
    }

    /** Frees the inflater's native memory. Idempotent. */
    void release() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
