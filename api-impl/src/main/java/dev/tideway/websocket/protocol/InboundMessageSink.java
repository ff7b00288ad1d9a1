package dev.tideway.websocket.protocol;

import dev.tideway.websocket.protocol.extension.PayloadSink;
import java.nio.ByteBuffer;

/**
 * The end of the inbound chain, after extensions have decoded a message: enforces the message size limits
 * (counted on decoded bytes, so a compression bomb is stopped too), validates text as UTF-8 while it
 * streams (failing on the first chunk that holds an invalid byte, before that chunk is delivered), and
 * hands the chunks to the listener.
 */
final class InboundMessageSink implements PayloadSink {
    private final ConnectionListener listener;
    private final Utf8Validator utf8 = new Utf8Validator();

    private volatile long maxTextMessageSize;
    private volatile long maxBinaryMessageSize;

    private boolean text;
    private long received;
    private boolean deliver = true;

    InboundMessageSink(ConnectionListener listener, ProtocolSettings settings) {
        this.listener = listener;
        this.maxTextMessageSize = settings.maxTextMessageSize();
        this.maxBinaryMessageSize = settings.maxBinaryMessageSize();
    }

    void maxTextMessageSize(long bytes) {
        this.maxTextMessageSize = bytes;
    }

    void maxBinaryMessageSize(long bytes) {
        this.maxBinaryMessageSize = bytes;
    }

    /**
     * A new message starts.
     *
     * @param deliver false once our close frame is out: the message is still checked, but nobody wants it
     */
    void startMessage(int opcode, boolean deliver) {
        this.text = opcode == OpCode.TEXT;
        this.received = 0;
        this.deliver = deliver;
        utf8.reset();
    }

    @Override
    public void onPayload(ByteBuffer chunk, boolean messageEnd) throws ProtocolException {
        received += chunk.remaining();
        long limit = text ? maxTextMessageSize : maxBinaryMessageSize;
        if (received > limit) {
            throw ProtocolException.tooBig((text ? "Text" : "Binary") + " message larger than " + limit + " bytes");
        }
        if (text) {
            int invalidAt = utf8.validate(chunk);
            if (invalidAt >= 0) {
                throw ProtocolException.invalidPayload("Text message is not valid UTF-8 (byte "
                        + (received - chunk.limit() + invalidAt) + ")");
            }
            if (messageEnd && !utf8.isComplete()) {
                throw ProtocolException.invalidPayload("Text message ends inside a UTF-8 sequence");
            }
        }
        if (!deliver) {
            return;
        }
        if (text) {
            listener.onText(chunk, messageEnd);
        } else {
            listener.onBinary(chunk, messageEnd);
        }
    }
}
