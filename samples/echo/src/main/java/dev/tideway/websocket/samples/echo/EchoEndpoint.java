package dev.tideway.websocket.samples.echo;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * Sends every message back as it came: text as text, binary as binary, whole. Permessage-deflate needs
 * nothing here: Tideway's server accepts it whenever a client offers it.
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    /**
     * The largest message echoed, 16 MiB: the largest the Autobahn TestSuite sends (cases 9.1.6 and 9.2.6),
     * and the most Tideway's engine accepts. The Jakarta default, 64 KiB, would close such sessions with 1009.
     */
    public static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public String echo(String text) {
        return text;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_SIZE)
    public ByteBuffer echo(ByteBuffer binary) {
        return binary;
    }
}
