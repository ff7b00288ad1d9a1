package dev.tideway.websocket.session;

import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;

/**
 * {@code RemoteEndpoint.Basic}: every send returns once its bytes were accepted by the transport, or throws.
 * Only the calling thread waits; the session's other threads and the transport go on.
 */
final class BasicRemote extends RemoteEndpointBase implements RemoteEndpoint.Basic {

    BasicRemote(TidewaySession session, SessionSender sender) {
        super(session, sender);
    }

    @Override
    public void sendText(String text) throws IOException {
        requireArgument(text, "text");
        await(callback -> sender.text(text, callback));
    }

    @Override
    public void sendBinary(ByteBuffer data) throws IOException {
        requireArgument(data, "data");
        await(callback -> sender.binary(data, callback));
    }

    @Override
    public void sendText(String partialMessage, boolean isLast) throws IOException {
        requireArgument(partialMessage, "partialMessage");
        await(callback -> sender.textPart(partialMessage, isLast, callback));
    }

    @Override
    public void sendBinary(ByteBuffer partialByte, boolean isLast) throws IOException {
        requireArgument(partialByte, "partialByte");
        await(callback -> sender.binaryPart(partialByte, isLast, callback));
    }

    @Override
    public OutputStream getSendStream() throws IOException {
        session.checkNotClosed();
        return new SendStream(this::sendBinary);
    }

    @Override
    public Writer getSendWriter() throws IOException {
        session.checkNotClosed();
        return new SendWriter(this::sendText);
    }

    @Override
    public void sendObject(Object data) throws IOException, EncodeException {
        requireArgument(data, "data");
        session.checkNotClosed();
        sender.await(callback -> sender.object(data, callback), session.blockingSendTimeoutMillis());
    }

    private void await(SessionSender.Send send) throws IOException {
        session.checkNotClosed();
        try {
            sender.await(send, session.blockingSendTimeoutMillis());
        } catch (EncodeException impossible) {
            throw new IllegalStateException("only sendObject encodes", impossible);
        }
    }

    private static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
