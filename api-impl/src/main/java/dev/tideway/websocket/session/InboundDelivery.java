package dev.tideway.websocket.session;

import dev.tideway.websocket.codec.MessageKind;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import java.nio.ByteBuffer;

/**
 * The session's ear on the engine: routes each inbound message, on the reading thread, to the sink of the
 * handler registered for its type when the message starts, and passes errors and the end of the
 * connection to the session. A message that no handler takes is dropped and the session goes on, as the
 * Jakarta WebSocket TCK expects (and Tomcat does): an application may register its handlers later.
 */
final class InboundDelivery implements ConnectionListener {
    private static final MessageSink DROP = (chunk, last) -> { };

    private final TidewaySession session;
    private final MessageHandlers handlers;
    private MessageSink text;
    private MessageSink binary;

    InboundDelivery(TidewaySession session, MessageHandlers handlers) {
        this.session = session;
        this.handlers = handlers;
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        session.touch(); // every chunk: a long message still arriving is activity, not idleness
        if (text == null) {
            text = start(MessageKind.TEXT);
        }
        text.onChunk(utf8, last);
        if (last) {
            text = null;
        }
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        session.touch();
        if (binary == null) {
            binary = start(MessageKind.BINARY);
        }
        binary.onChunk(data, last);
        if (last) {
            binary = null;
        }
    }

    private MessageSink start(MessageKind kind) {
        MessageHandlers.Route route = handlers.route(kind);
        return route == null ? DROP : route.sink();
    }

    @Override
    public void onPing(ByteBuffer payload) {
        session.touch();
        // the engine has queued the pong: it leaves now, even while a callback holds the session's writes
        session.connection().flush();
    }

    @Override
    public void onPong(ByteBuffer payload) {
        session.touch();
        MessageHandlers.Route route = handlers.route(MessageKind.PONG);
        if (route != null) {
            route.sink().onChunk(payload, true);
        }
    }

    @Override
    public void onError(Throwable cause) {
        session.onConnectionError(cause);
    }

    @Override
    public void onClosed(CloseStatus status) {
        if (text != null) {
            text.abort();
            text = null;
        }
        if (binary != null) {
            binary.abort();
            binary = null;
        }
        session.onConnectionClosed(status);
    }
}
